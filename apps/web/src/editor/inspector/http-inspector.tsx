import { HTTP_METHODS } from '@connectors/engine';
import { useCallback } from 'react';
import type { HttpNodeData } from '../graph/engine-types';
import { useEditorStore } from '../store/editor-store';
import { TemplateInput } from '../templates/template-input';
import { AuthEditor } from './auth-editor';
import { BodyEditor } from './body-editor';
import { FieldProblems } from './field-problems';
import { JoinField } from './join-field';
import { KeyValueEditor } from './key-value-editor';
import { NodeIdentity } from './node-identity';
import { Section } from './section';
import { useNodeScope } from './use-node-scope';

/** Everything about one HTTP request, in the order it is built: where, what, who, and how hard to try. */
export function HttpInspector({ nodeId, data }: { nodeId: string; data: HttpNodeData }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const scope = useNodeScope(nodeId);
  const set = useCallback(
    (patch: Partial<HttpNodeData>, key?: string) =>
      updateNodeData(nodeId, patch, key ? { coalesce: `${nodeId}.${key}` } : undefined),
    [nodeId, updateNodeData],
  );
  const retry = data.retry;
  const method = (data.method || 'GET').toUpperCase();
  return (
    <>
      <NodeIdentity nodeId={nodeId} name={data.name} />
      <Section title="Request">
        <div className="request-line">
          <select
            className="select method-select"
            aria-label="Method"
            value={method}
            onChange={(e) => set({ method: e.target.value })}
          >
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <TemplateInput
            id={`url-${nodeId}`}
            value={data.url}
            onChange={(url) => set({ url }, 'url')}
            scope={scope}
            wrap
            placeholder="https://api.example.com/contacts/{{input.email}}"
            aria-label="URL"
            aria-describedby={`url-problems-${nodeId}`}
          />
        </div>
        <FieldProblems nodeId={nodeId} field="data.url" id={`url-problems-${nodeId}`} />
        <FieldProblems nodeId={nodeId} field="data.method" />
        <span className="field-hint">
          Type {'{{'} to insert an input, a credential or a value carried by an incoming edge.
        </span>
      </Section>
      <Section title="Query parameters" defaultOpen={data.queryParams.length > 0}>
        <KeyValueEditor
          label="Query parameters"
          rows={data.queryParams}
          onChange={(queryParams) => set({ queryParams }, 'query')}
          scope={scope}
        />
        <FieldProblems nodeId={nodeId} field="data.queryParams" />
      </Section>
      <Section title="Headers" defaultOpen={data.headers.length > 0}>
        <KeyValueEditor
          label="Headers"
          rows={data.headers}
          onChange={(headers) => set({ headers }, 'headers')}
          scope={scope}
          keyPlaceholder="Header"
        />
        <FieldProblems nodeId={nodeId} field="data.headers" />
      </Section>
      <Section title="Auth" defaultOpen={Boolean(data.auth)}>
        <AuthEditor auth={data.auth} scope={scope} onChange={(auth) => set({ auth }, 'auth')} />
        <FieldProblems nodeId={nodeId} field="data.auth" />
      </Section>
      {method !== 'GET' && method !== 'HEAD' ? (
        <Section title="Body">
          <BodyEditor data={data} scope={scope} onChange={(patch) => set(patch, 'body')} />
          <FieldProblems nodeId={nodeId} field="data.body" />
        </Section>
      ) : null}
      <Section title="Retries and timeout" defaultOpen={false}>
        <div className="form-row">
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor={`attempts-${nodeId}`}>
              Attempts
            </label>
            <input
              id={`attempts-${nodeId}`}
              className="input"
              type="number"
              min={1}
              max={10}
              placeholder="Connector default"
              value={retry?.maxAttempts ?? ''}
              onChange={(e) => {
                const n = e.target.valueAsNumber;
                set(
                  {
                    retry: Number.isFinite(n)
                      ? { factor: 2, minDelayMs: 1000, maxDelayMs: 10_000, ...retry, maxAttempts: n }
                      : undefined,
                  },
                  'retry',
                );
              }}
            />
          </div>
          <div className="field" style={{ flex: 1 }}>
            <label className="field-label" htmlFor={`timeout-${nodeId}`}>
              Timeout (ms)
            </label>
            <input
              id={`timeout-${nodeId}`}
              className="input"
              type="number"
              min={1}
              max={300000}
              step={1000}
              placeholder="30000"
              value={data.timeoutMs ?? ''}
              onChange={(e) =>
                set(
                  { timeoutMs: Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : undefined },
                  'timeout',
                )
              }
            />
          </div>
        </div>
        <span className="field-hint">
          Attempts count every call (3 = up to three). Network errors, timeouts, 408, 429 and 5xx are retried
          with backoff.
        </span>
        <FieldProblems nodeId={nodeId} field="data.retry" />
        <FieldProblems nodeId={nodeId} field="data.timeoutMs" />
        <JoinField nodeId={nodeId} join={data.join} />
      </Section>
    </>
  );
}
