import { duration } from '../ui/format';
import { axisTicks, type Timeline } from './run-model';

const pct = (ms: number, total: number) => `${Math.min(100, Math.max(0, (ms / total) * 100))}%`;

export interface RunTimelineProps {
  timeline: Timeline;
  selected: string | null;
  onSelect: (nodeId: string) => void;
}

/**
 * The waterfall: one bar per node on the run's time axis, so branches that ran in parallel overlap
 * side by side. Inside a bar each attempt is a segment (failed ones red) and each backoff wait a
 * hatched gap; a running node's bar grows until it ends.
 */
export function RunTimeline({ timeline, selected, onSelect }: RunTimelineProps) {
  const { rows, total } = timeline;
  if (rows.length === 0) {
    return <p className="muted timeline-empty">No node has started yet.</p>;
  }
  return (
    <div className="timeline">
      <div className="timeline-axis" aria-hidden="true">
        <span className="timeline-label" />
        <div className="timeline-track">
          {axisTicks(total).map((t) => (
            <span key={t} className="timeline-tick" style={{ left: pct(t, total) }}>
              {duration(t)}
            </span>
          ))}
        </div>
      </div>
      <ol className="timeline-rows" aria-label="Timeline">
        {rows.map((row) => {
          const { step } = row;
          return (
            <li
              key={step.step_id}
              className={`timeline-row${selected === step.step_id ? ' is-selected' : ''}`}
              data-step={step.step_id}
            >
              <button
                type="button"
                className="timeline-label"
                onClick={() => onSelect(step.step_id)}
                aria-label={`${step.step_name || step.step_id}: ${step.status}, ${duration(row.end - row.start)}`}
              >
                <span className={`status-dot status-${step.status}`} aria-hidden="true" />
                <span className="timeline-name">{step.step_name || step.step_id}</span>
              </button>
              <div className="timeline-track">
                {axisTicks(total).map((t) => (
                  <span
                    key={t}
                    className="timeline-grid"
                    style={{ left: pct(t, total) }}
                    aria-hidden="true"
                  />
                ))}
                <button
                  type="button"
                  tabIndex={-1}
                  className={`timeline-bar timeline-bar-${row.reused ? 'reused' : step.status}`}
                  style={{ left: pct(row.start, total), width: pct(row.end - row.start, total) }}
                  data-start={Math.round(row.start)}
                  data-end={Math.round(row.end)}
                  title={`${step.step_id}: ${duration(row.start)} → ${duration(row.end)}`}
                  onClick={() => onSelect(step.step_id)}
                >
                  {row.attempts.length > 1
                    ? row.attempts.map((a) => (
                        <span
                          key={a.attempt}
                          className={`timeline-attempt${a.failed ? ' is-failed' : ''}`}
                          data-attempt={a.attempt}
                          style={{
                            left: pct(a.start - row.start, Math.max(1, row.end - row.start)),
                            width: pct(a.end - a.start, Math.max(1, row.end - row.start)),
                          }}
                        />
                      ))
                    : null}
                </button>
                {row.waits.map((w) => (
                  <span
                    key={w.start}
                    className="timeline-wait"
                    data-wait={Math.round(w.end - w.start)}
                    title={`Backoff: waited ${duration(w.end - w.start)}`}
                    style={{ left: pct(w.start, total), width: pct(w.end - w.start, total) }}
                  />
                ))}
                <span
                  className="timeline-duration"
                  style={
                    row.end / total < 0.75
                      ? { left: pct(row.end, total) }
                      : { right: pct(total - row.start, total), textAlign: 'right' }
                  }
                >
                  {row.reused
                    ? 'reused from the earlier run'
                    : step.status === 'skipped'
                      ? 'skipped'
                      : duration(row.end - row.start)}
                  {row.attempts.length > 1 ? ` · ${row.attempts.length} attempts` : ''}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
