import type { Auth } from '@connectors/engine';
import { IconPlus } from '../../ui/icons';
import { useEditorResources } from '../editor-resources';
import type { NodeScope } from '../templates/node-scope';
import { TemplateInput } from '../templates/template-input';

type AuthType = 'none' | 'bearer' | 'api-key' | 'basic';

/** The template that reads a stored credential field. */
export function credentialTemplate(service: string, field: string): string {
  return `{{credentials.${service}.${field}}}`;
}

/**
 * Authentication: the type, then a stored credential picked from a list (or any template typed by hand).
 * Secrets never appear here, only the reference to them.
 */
export function AuthEditor({
  auth,
  scope,
  onChange,
}: {
  auth: Auth | undefined;
  scope: NodeScope;
  onChange: (auth: Auth | undefined) => void;
}) {
  const { credentials, addCredential } = useEditorResources();
  const type: AuthType = auth && auth.type !== 'oauth2' ? auth.type : 'none';
  const secret =
    auth?.type === 'bearer'
      ? auth.token
      : auth?.type === 'api-key'
        ? auth.apiKey
        : auth?.type === 'basic'
          ? auth.password
          : '';
  const options = credentials.flatMap((c) =>
    c.fields.map((f) => ({
      value: credentialTemplate(c.service_name, f),
      label: `${c.service_name} · ${f}`,
    })),
  );
  const picked = options.some((o) => o.value === secret) ? secret : secret ? 'custom' : '';

  const setSecret = (value: string) => {
    if (auth?.type === 'bearer') onChange({ ...auth, token: value });
    else if (auth?.type === 'api-key') onChange({ ...auth, apiKey: value });
    else if (auth?.type === 'basic') onChange({ ...auth, password: value });
  };

  const setType = (next: AuthType) => {
    const first = options[0]?.value ?? '';
    if (next === 'none') onChange(undefined);
    else if (next === 'bearer') onChange({ type: 'bearer', token: secret || first });
    else if (next === 'api-key')
      onChange({ type: 'api-key', apiKey: secret || first, in: 'header', name: 'X-API-Key' });
    else onChange({ type: 'basic', username: '', password: secret || first });
  };

  return (
    <div className="auth-editor">
      <div className="field">
        <label className="field-label" htmlFor={`auth-type-${scope.nodeId}`}>
          Type
        </label>
        <select
          id={`auth-type-${scope.nodeId}`}
          className="select"
          value={type}
          onChange={(e) => setType(e.target.value as AuthType)}
        >
          <option value="none">No auth</option>
          <option value="bearer">Bearer token</option>
          <option value="api-key">API key</option>
          <option value="basic">Basic (user and password)</option>
        </select>
      </div>
      {auth?.type === 'api-key' ? (
        <div className="form-row">
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor={`auth-in-${scope.nodeId}`}>
              Sent in
            </label>
            <select
              id={`auth-in-${scope.nodeId}`}
              className="select"
              value={auth.in}
              onChange={(e) => onChange({ ...auth, in: e.target.value as 'header' | 'query' })}
            >
              <option value="header">Header</option>
              <option value="query">Query parameter</option>
            </select>
          </div>
          <div className="field" style={{ flex: 1.4 }}>
            <label className="field-label" htmlFor={`auth-name-${scope.nodeId}`}>
              {auth.in === 'query' ? 'Parameter' : 'Header'} name
            </label>
            <input
              id={`auth-name-${scope.nodeId}`}
              className="input input-mono"
              value={auth.name ?? auth.headerName ?? ''}
              onChange={(e) => onChange({ ...auth, name: e.target.value, headerName: undefined })}
            />
          </div>
        </div>
      ) : null}
      {auth?.type === 'basic' ? (
        <div className="field">
          <label className="field-label" htmlFor={`auth-user-${scope.nodeId}`}>
            User
          </label>
          <TemplateInput
            id={`auth-user-${scope.nodeId}`}
            value={auth.username}
            onChange={(username) => onChange({ ...auth, username })}
            scope={scope}
          />
        </div>
      ) : null}
      {type !== 'none' ? (
        <div className="field">
          <label className="field-label" htmlFor={`auth-cred-${scope.nodeId}`}>
            {type === 'bearer' ? 'Token' : type === 'api-key' ? 'Key' : 'Password'} from
          </label>
          <div className="auth-pick">
            <select
              id={`auth-cred-${scope.nodeId}`}
              className="select"
              value={picked}
              onChange={(e) => setSecret(e.target.value === 'custom' ? secret : e.target.value)}
            >
              <option value="" disabled>
                {options.length ? 'Pick a stored credential' : 'No credential stored yet'}
              </option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
              <option value="custom">Custom template…</option>
            </select>
            <button
              type="button"
              className="btn btn-sm"
              onClick={async () => {
                const saved = await addCredential();
                const field = saved?.fields[0];
                if (saved && field) setSecret(credentialTemplate(saved.service_name, field));
              }}
            >
              <IconPlus /> New
            </button>
          </div>
          {picked === 'custom' || picked === '' ? (
            <TemplateInput
              value={secret}
              onChange={setSecret}
              scope={scope}
              placeholder="{{credentials.service.token}}"
              aria-label="Secret template"
            />
          ) : (
            <code className="auth-ref faint">{secret}</code>
          )}
        </div>
      ) : null}
    </div>
  );
}
