import { useEffect, useState } from 'react';
import { flowsApi } from '../api/flows.api';

/** At most this many flow runs are looked up (the newest changes are the ones read). */
const MAX_LOOKUPS = 10;

/**
 * The name of the flow behind each flow run id, for writes a flow's "Update contact" node made (the
 * history and provenance name the run, not the flow). Unknown or unreadable runs are left out.
 */
export function useFlowNames(
  flowRunIds: readonly string[],
): ReadonlyMap<string, { flowId: string; name: string }> {
  const [names, setNames] = useState<ReadonlyMap<string, { flowId: string; name: string }>>(new Map());
  const key = [...new Set(flowRunIds)].slice(0, MAX_LOOKUPS).join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    const ids = key.split(',');
    void (async () => {
      const runs = await Promise.all(ids.map((id) => flowsApi.getRun(id).catch(() => null)));
      const flowIds = [...new Set(runs.flatMap((run) => (run ? [run.flow_id] : [])))];
      const flows = await Promise.all(flowIds.map((id) => flowsApi.get(id).catch(() => null)));
      const byId = new Map(flows.flatMap((flow) => (flow ? [[flow.id, flow.name] as const] : [])));
      const next = new Map<string, { flowId: string; name: string }>();
      for (const run of runs) {
        const name = run ? byId.get(run.flow_id) : undefined;
        if (run && name) next.set(run.id, { flowId: run.flow_id, name });
      }
      if (live) setNames(next);
    })();
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
