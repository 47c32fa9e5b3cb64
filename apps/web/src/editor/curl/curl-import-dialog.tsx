import { useMemo, useState } from 'react';
import { Modal } from '../../ui/modal';
import type { CanvasNode } from '../graph/canvas-types';
import { curlToHttpNode } from './curl-to-http-node';

/** Paste a cURL command (from API docs or the browser's "Copy as cURL") → a ready HTTP request node. */
export function CurlImportDialog({
  onClose,
  onImport,
}: {
  onClose: () => void;
  onImport: (node: CanvasNode) => void;
}) {
  const [text, setText] = useState('');
  const result = useMemo(() => {
    if (!text.trim()) return null;
    try {
      return { ok: true as const, ...curlToHttpNode(text) };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, [text]);
  return (
    <Modal
      title="Import from cURL"
      description="Paste a curl command — from API docs or your browser's “Copy as cURL”."
      onClose={onClose}
      width={620}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (result?.ok)
            onImport({ id: 'step_0', type: 'http', position: { x: 0, y: 0 }, data: result.data });
        }}
      >
        <label className="field-label visually-hidden" htmlFor="curl-text">
          curl command
        </label>
        <textarea
          id="curl-text"
          className="textarea input-mono curl-text"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            "curl -X POST https://api.hubapi.com/crm/v3/objects/contacts/search \\\n  -H 'Authorization: Bearer …' \\\n  -d '{\"limit\": 1}'"
          }
          spellCheck={false}
          data-autofocus
        />
        {result && !result.ok ? (
          <p className="field-error" role="alert">
            {result.message}
          </p>
        ) : null}
        {result?.ok ? (
          <div className="curl-preview" aria-live="polite">
            <p>
              <span className={`method method-${result.data.method.toLowerCase()}`}>
                {result.data.method}
              </span>{' '}
              <code>{result.data.url}</code>
            </p>
            <p className="faint">
              {result.data.queryParams.length} query parameters · {result.data.headers.length} headers
              {result.data.auth ? ` · ${result.data.auth.type} auth` : ''}
              {result.data.body !== undefined ? ` · ${result.data.bodyType} body` : ''}
            </p>
            {result.warnings.map((w) => (
              <p key={w} className="field-warning">
                {w}
              </p>
            ))}
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!result?.ok}>
            Add HTTP request
          </button>
        </div>
      </form>
    </Modal>
  );
}
