import { useState } from 'react';
import { type Credential, credentialsApi } from '../api/credentials.api';
import { FormDialog } from '../ui/form-dialog';
import { IconPlus, IconTrash } from '../ui/icons';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a service or field name is refused, in words (the pattern is NAME above). */
function nameProblem(name: string): string {
  if (/^[0-9]/.test(name)) return `“${name}” starts with a digit; start with a letter or _.`;
  const bad = [...new Set(name.replace(/[A-Za-z0-9_]/g, ''))]
    .map((c) => (/\s/.test(c) ? 'a space' : `“${c}”`))
    .join(', ');
  return `“${name}” contains ${bad}; use only letters, digits and _.`;
}

export interface CredentialDialogProps {
  /** Replacing an existing service's secrets keeps its name. */
  service?: string;
  onClose: () => void;
  onSaved: (credential: Credential) => void;
}

/**
 * Stores a service's secrets (encrypted by the server; never shown again). Nodes read them as
 * `{{credentials.<service>.<field>}}`, and a field named `token` also as `{{workspace.<service>_token}}`.
 */
export function CredentialDialog({ service: fixedService, onClose, onSaved }: CredentialDialogProps) {
  const [service, setService] = useState(fixedService ?? '');
  const [fields, setFields] = useState([{ key: 'token', value: '' }]);
  const [hosts, setHosts] = useState('');
  const serviceOk = NAME.test(service);
  const serviceProblem = service !== '' && !serviceOk ? nameProblem(service) : null;
  const fieldProblems = fields.map((f) => (f.key !== '' && !NAME.test(f.key) ? nameProblem(f.key) : null));
  const fieldsOk = fields.every((f) => NAME.test(f.key) && f.value !== '') && fields.length > 0;

  const save = async () => {
    const saved = await credentialsApi.save({
      service,
      credentials: Object.fromEntries(fields.map((f) => [f.key, f.value])),
      allowed_hosts: hosts
        .split(/[\s,]+/)
        .map((h) => h.trim())
        .filter(Boolean),
    });
    onSaved(saved);
  };

  return (
    <FormDialog
      title={fixedService ? `Replace ${fixedService} secrets` : 'Add a credential'}
      description="Secrets are encrypted and never shown again. HTTP nodes use them in auth and headers."
      width={520}
      submitLabel="Save credential"
      incomplete={!serviceOk || !fieldsOk}
      onSubmit={save}
      onClose={onClose}
    >
      <div className="field">
        <label className="field-label" htmlFor="cred-service">
          Service
        </label>
        <input
          id="cred-service"
          className="input input-mono"
          value={service}
          onChange={(e) => setService(e.target.value.trim())}
          placeholder="hubspot"
          readOnly={Boolean(fixedService)}
          aria-invalid={Boolean(serviceProblem)}
          aria-describedby={serviceProblem ? 'cred-service-error cred-service-hint' : 'cred-service-hint'}
          required
          data-autofocus
        />
        {serviceProblem ? (
          <span className="field-error" id="cred-service-error">
            {serviceProblem}
          </span>
        ) : null}
        <span className="field-hint" id="cred-service-hint">
          Letters, digits and _. Read as{' '}
          <code>{`{{credentials.${service || 'service'}.${fields[0]?.key || 'token'}}}`}</code>
        </span>
      </div>
      <fieldset className="field fieldset">
        <legend className="field-label">Secret fields</legend>
        {fields.map((field, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <div className="kv-row" key={index}>
            <input
              className="input input-mono"
              aria-label={`Field ${index + 1} name`}
              value={field.key}
              placeholder="token"
              aria-invalid={Boolean(fieldProblems[index])}
              aria-describedby={fieldProblems[index] ? `cred-field-${index}-error` : undefined}
              onChange={(e) =>
                setFields((list) =>
                  list.map((f, i) => (i === index ? { ...f, key: e.target.value.trim() } : f)),
                )
              }
            />
            <input
              className="input input-mono"
              type="password"
              autoComplete="off"
              aria-label={`Field ${index + 1} secret value`}
              value={field.value}
              placeholder="secret value"
              onChange={(e) =>
                setFields((list) => list.map((f, i) => (i === index ? { ...f, value: e.target.value } : f)))
              }
            />
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              aria-label={`Remove field ${index + 1}`}
              disabled={fields.length === 1}
              onClick={() => setFields((list) => list.filter((_, i) => i !== index))}
            >
              <IconTrash />
            </button>
          </div>
        ))}
        {fieldProblems.map((problem, index) =>
          problem ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
            <span className="field-error" id={`cred-field-${index}-error`} key={index}>
              Field {index + 1}: {problem}
            </span>
          ) : null,
        )}
        <button
          type="button"
          className="btn btn-ghost btn-sm add-row"
          onClick={() => setFields((l) => [...l, { key: '', value: '' }])}
        >
          <IconPlus /> Add field
        </button>
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="cred-hosts">
          Allowed hosts <span className="faint">(optional)</span>
        </label>
        <input
          id="cred-hosts"
          className="input input-mono"
          value={hosts}
          onChange={(e) => setHosts(e.target.value)}
          placeholder="api.hubapi.com"
        />
        <span className="field-hint">
          The secrets are sent only to these hosts. Left empty, they are bound to the host of the first
          request that uses them.
        </span>
      </div>
    </FormDialog>
  );
}
