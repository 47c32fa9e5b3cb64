import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { IconTrash } from '../../ui/icons';
import { edgeSample, nameForPath, samplePaths } from '../run/run-sample';
import { useEditorStore } from '../store/editor-store';
import { MappingPreview } from './mapping-preview';
import { NamedExpressions } from './named-expressions';
import { Section } from './section';

/**
 * An edge: what it carries from its source into its target's scope (name → JSONata over the source's
 * response), previewed live on the source's last test response, and the values it carried in that run.
 */
export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const { edge, source, target, run, steps, edges, problems, updateEdgeMapping, deleteElements } =
    useEditorStore(
      useShallow((s) => {
        const edge = s.edges.find((e) => e.id === edgeId);
        return {
          edge,
          source: s.nodes.find((n) => n.id === edge?.source),
          target: s.nodes.find((n) => n.id === edge?.target),
          run: s.lastRun,
          steps: s.stepsById,
          edges: s.edges,
          problems: s.problemsByEdge.get(edgeId),
          updateEdgeMapping: s.updateEdgeMapping,
          deleteElements: s.deleteElements,
        };
      }),
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sample depends on the source's identity and the run only
  const sample = useMemo(() => edgeSample(run, steps, source, edges), [run, steps, source?.id, source?.type]);
  const paths = useMemo(() => (sample ? samplePaths(sample.input) : []), [sample]);
  if (!edge) return null;
  const mapping = edge.data?.mapping ?? {};
  const carried = steps.get(edge.source)?.edge_values?.[edge.id];
  const port = edge.sourceHandle && edge.sourceHandle !== 'success' ? edge.sourceHandle : null;
  return (
    <div className="insp-edge">
      <header className="insp-head">
        <div>
          <h2>
            <code>{edge.source}</code> → <code>{edge.target}</code>
          </h2>
          <p className="faint">
            {source?.data.name || edge.source} to {target?.data.name || edge.target}
            {port ? ` · leaves through ${port}` : ''} · edge {edge.id}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          aria-label="Delete edge"
          onClick={() => deleteElements([], [edge.id])}
        >
          <IconTrash />
        </button>
      </header>
      <Section title="Carries">
        <p className="field-hint">
          Each name becomes <code>{`{{${edge.source}.name}}`}</code> in {edge.target}. The expression is
          JSONata over{' '}
          {source?.type === 'http' ? (
            <>
              the response body (<code>$status</code>, <code>$headers</code> too)
            </>
          ) : (
            `${edge.source}'s scope`
          )}
          .
        </p>
        <NamedExpressions
          label="Mapping"
          entries={mapping}
          onChange={(next) => updateEdgeMapping(edge.id, next, { coalesce: `${edge.id}.mapping` })}
          scope={null}
          mode="jsonata"
          namePlaceholder="contactId"
          valuePlaceholder="results[0].id"
          renderAfter={(_name, value) => <MappingPreview expression={value} sample={sample} />}
        />
        {problems?.length ? (
          <ul className="field-problems">
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id
              <li key={i} className={p.severity === 'error' ? 'field-error' : 'field-warning'}>
                {p.message}
              </li>
            ))}
          </ul>
        ) : null}
        {sample ? (
          <p className="faint sample-label">Previews use {sample.label}.</p>
        ) : (
          <p className="faint sample-label">
            Run a test to preview each value on {edge.source}'s real response.
          </p>
        )}
      </Section>
      {paths.length ? (
        <Section title="Pick from the response" defaultOpen={Object.keys(mapping).length === 0}>
          <ul className="path-list">
            {paths.map((p) => (
              <li key={p.path}>
                <button
                  type="button"
                  className="path-chip"
                  title={`Carry ${p.path}`}
                  onClick={() =>
                    updateEdgeMapping(edge.id, {
                      ...mapping,
                      [uniqueName(nameForPath(p.path), mapping)]: p.path,
                    })
                  }
                >
                  <code>{p.path}</code>
                  <span className="faint">
                    {typeof p.value === 'object' && p.value !== null
                      ? Array.isArray(p.value)
                        ? '[…]'
                        : '{…}'
                      : JSON.stringify(p.value)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {carried ? (
        <Section title="Carried in the last run">
          <pre className="code-block">{JSON.stringify(carried, null, 2)}</pre>
        </Section>
      ) : null}
    </div>
  );
}

function uniqueName(name: string, taken: Record<string, string>): string {
  if (!Object.hasOwn(taken, name)) return name;
  let n = 2;
  while (Object.hasOwn(taken, `${name}${n}`)) n++;
  return `${name}${n}`;
}
