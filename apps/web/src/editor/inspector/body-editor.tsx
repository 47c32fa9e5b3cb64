import { useEffect, useRef, useState } from 'react';
import type { HttpNodeData } from '../graph/engine-types';
import type { NodeScope } from '../templates/node-scope';
import { TemplateInput } from '../templates/template-input';

type BodyType = 'json' | 'form' | 'text' | 'none';

function bodyText(body: unknown, type: BodyType): string {
  if (body === undefined || body === null) return '';
  if (type === 'text' && typeof body === 'string') return body;
  return JSON.stringify(body, null, 2);
}

/** Where a JSON.parse error points, as "line L, column C". */
function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number(/position (\d+)/.exec(message)?.[1]);
  if (!Number.isFinite(position)) return message;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `Invalid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`;
}

/**
 * The request body. JSON (and form fields, as a JSON object) is edited as text and checked as you type:
 * the node keeps the last valid value, so a half-typed body never reaches the graph. Strings inside may
 * hold templates: `"{{input.email}}"` alone becomes the typed value.
 */
export function BodyEditor({
  data,
  scope,
  onChange,
}: {
  data: HttpNodeData;
  scope: NodeScope;
  onChange: (patch: Partial<HttpNodeData>) => void;
}) {
  const type: BodyType =
    data.bodyType ?? (data.body === undefined ? 'none' : typeof data.body === 'string' ? 'text' : 'json');
  const [text, setText] = useState(() => bodyText(data.body, type));
  const [error, setError] = useState<string | null>(null);
  const ownEdit = useRef(false);

  // Follow outside changes (undo, paste, cURL import), not the echo of our own typing.
  useEffect(() => {
    if (ownEdit.current) {
      ownEdit.current = false;
      return;
    }
    setText(bodyText(data.body, type));
    setError(null);
  }, [data.body, type]);

  const onText = (next: string) => {
    setText(next);
    if (type === 'text') {
      ownEdit.current = true;
      onChange({ body: next });
      return;
    }
    if (next.trim() === '') {
      setError(null);
      ownEdit.current = true;
      // Keep the chosen type: an emptied JSON body is still a JSON body being written.
      onChange({ body: undefined, bodyType: type });
      return;
    }
    try {
      const value = JSON.parse(next);
      if (type === 'form' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
        setError('Form fields are a JSON object: { "name": "value" }.');
        return;
      }
      setError(null);
      ownEdit.current = true;
      onChange({ body: value });
    } catch (err) {
      setError(jsonError(next, err));
    }
  };

  const setType = (next: BodyType) => {
    if (next === 'none') onChange({ bodyType: 'none', body: undefined });
    else if (next === 'text')
      onChange({ bodyType: 'text', body: typeof data.body === 'string' ? data.body : text });
    else onChange({ bodyType: next, body: typeof data.body === 'string' ? undefined : data.body });
  };

  return (
    <div className="body-editor">
      <div className="segmented" role="radiogroup" aria-label="Body type">
        {(['none', 'json', 'form', 'text'] as const).map((t) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons with radio semantics
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={type === t}
            className={type === t ? 'is-on' : ''}
            onClick={() => setType(t)}
          >
            {t === 'none' ? 'None' : t === 'json' ? 'JSON' : t === 'form' ? 'Form' : 'Text'}
          </button>
        ))}
      </div>
      {type === 'none' ? (
        <p className="faint">No body is sent.</p>
      ) : (
        <>
          <TemplateInput
            value={text}
            onChange={onText}
            scope={scope}
            multiline
            rows={8}
            aria-label="Request body"
            aria-describedby={error ? 'body-error' : undefined}
            invalid={Boolean(error)}
            placeholder={type === 'text' ? 'Plain text' : '{\n  "email": "{{input.email}}"\n}'}
          />
          {error ? (
            <span className="field-error" id="body-error" role="alert">
              {error}
            </span>
          ) : (
            <span className="field-hint">
              {type === 'json'
                ? 'A string that is exactly one {{ }} becomes the typed value (number, object…).'
                : type === 'form'
                  ? 'Sent as application/x-www-form-urlencoded.'
                  : 'Sent as text/plain.'}
            </span>
          )}
        </>
      )}
    </div>
  );
}
