import { useEffect, useRef, useState } from 'react';
import { useMe, useSession } from '../session/session-context';
import { errorMessage } from '../ui/format';
import { IconCheck, IconChevronDown, IconPlus } from '../ui/icons';
import { Modal } from '../ui/modal';
import { useToast } from '../ui/toast';

/** The workspace menu at the top of the sidebar: switch workspace, or create one. */
export function WorkspaceSwitcher({ compact }: { compact?: boolean }) {
  const me = useMe();
  const { switchWorkspace, createWorkspace } = useSession();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    menu.current?.querySelector<HTMLElement>('[role=menuitemradio][aria-checked=true]')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^=menuitem]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + delta + items.length) % items.length]?.focus();
    }
  };

  const initial = me.workspace.name.trim().charAt(0).toUpperCase() || 'W';
  return (
    <div className="ws-switcher" ref={menu}>
      <button
        type="button"
        className="ws-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Workspace: ${me.workspace.name}. Switch workspace`}
        title={me.workspace.name}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="ws-avatar" aria-hidden="true">
          {initial}
        </span>
        {compact ? null : (
          <>
            <span className="ws-name">{me.workspace.name}</span>
            <IconChevronDown />
          </>
        )}
      </button>
      {open ? (
        <div className="menu" role="menu" aria-label="Workspaces" tabIndex={-1} onKeyDown={onMenuKey}>
          {me.workspaces.map((workspace) => (
            <button
              key={workspace.id}
              type="button"
              role="menuitemradio"
              aria-checked={workspace.id === me.workspace.id}
              className="menu-item"
              onClick={() => {
                setOpen(false);
                if (workspace.id !== me.workspace.id) void switchWorkspace(workspace.id);
              }}
            >
              <span className="ws-avatar ws-avatar-sm" aria-hidden="true">
                {workspace.name.charAt(0).toUpperCase()}
              </span>
              <span className="menu-item-label">{workspace.name}</span>
              {workspace.id === me.workspace.id ? <IconCheck /> : null}
            </button>
          ))}
          <hr className="menu-separator" />
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            <IconPlus /> New workspace…
          </button>
        </div>
      ) : null}
      {creating ? (
        <Modal
          title="New workspace"
          description="A workspace holds its own connectors, credentials, contacts and runs."
          onClose={() => setCreating(false)}
          width={400}
        >
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              try {
                await createWorkspace(name.trim());
                setCreating(false);
                setName('');
                toast.show('Workspace created', 'success');
              } catch (error) {
                toast.show(errorMessage(error), 'error');
              }
            }}
          >
            <div className="field">
              <label className="field-label" htmlFor="ws-name">
                Name
              </label>
              <input
                id="ws-name"
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder="e.g. Sales ops"
                required
                data-autofocus
              />
            </div>
            <div className="modal-actions">
              <button type="button" className="btn" onClick={() => setCreating(false)}>
                Cancel
              </button>
              <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
                Create workspace
              </button>
            </div>
          </form>
        </Modal>
      ) : null}
    </div>
  );
}
