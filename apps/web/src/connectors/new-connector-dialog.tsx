import { useState } from 'react';
import { useNavigate } from 'react-router';
import { connectorsApi } from '../api/connectors.api';
import { FormDialog } from '../ui/form-dialog';
import { CATEGORIES } from './categories';

/** Name, icon and category; the graph is drawn in the editor, which opens right after. */
export function NewConnectorDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [icon, setIcon] = useState('🔌');
  const [category, setCategory] = useState('enrichment');

  const save = async () => {
    const created = await connectorsApi.create({
      name: name.trim(),
      icon: icon.trim() || null,
      category,
      config: { version: 1, nodes: [], edges: [] },
      input_schema: { fields: [{ name: 'email', type: 'string', required: true, label: 'E-mail' }] },
    });
    navigate(`/connectors/${created.id}`);
  };

  return (
    <FormDialog
      title="New connector"
      description="Give it a name; you will draw its API calls on the canvas next."
      width={440}
      submitLabel="Create and open"
      incomplete={!name.trim()}
      onSubmit={save}
      onClose={onClose}
    >
      <div className="form-row">
        <div className="field" style={{ width: 72 }}>
          <label className="field-label" htmlFor="new-icon">
            Icon
          </label>
          <input
            id="new-icon"
            className="input icon-input"
            value={icon}
            maxLength={8}
            onChange={(e) => setIcon(e.target.value)}
          />
        </div>
        <div className="field" style={{ flex: 1 }}>
          <label className="field-label" htmlFor="new-name">
            Name
          </label>
          <input
            id="new-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. HubSpot contact enrichment"
            required
            data-autofocus
          />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="new-category">
          Category
        </label>
        <select
          id="new-category"
          className="select"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    </FormDialog>
  );
}
