import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { duration } from '../../ui/format';
import { IconAlert, IconCheck } from '../../ui/icons';
import { useNodeStatus } from './use-node-status';

export interface SourcePort {
  id: string;
  label: string;
  tone?: 'default' | 'danger' | 'success';
}

export interface BaseNodeProps {
  id: string;
  type: string;
  name: string;
  icon: ReactNode;
  selected: boolean;
  /** Output ports on the right, top to bottom. */
  ports: readonly SourcePort[];
  /** Whether the node takes incoming edges (left). */
  target?: boolean;
  children?: ReactNode;
}

/**
 * The frame every node shares: a target handle on the left, a header with icon, name and id, the body,
 * and a footer with the validation and last-run badges; labelled source handles on the right.
 */
export function BaseNode({ id, type, name, icon, selected, ports, target = true, children }: BaseNodeProps) {
  const { problems, step } = useNodeStatus(id);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.length - errors.length;
  const status = step?.status;
  const className = [
    'cn-node',
    `cn-node-${type}`,
    selected ? 'is-selected' : '',
    errors.length ? 'has-errors' : '',
    status ? `run-${status}` : '',
  ].join(' ');
  const label = `${name || id} (${type} node ${id})${errors.length ? `, ${errors.length} problems` : ''}${status ? `, last run ${status}` : ''}`;
  return (
    <div className={className} data-node-id={id} data-run-status={status}>
      <span className="visually-hidden">{label}</span>
      {target ? (
        <Handle type="target" position={Position.Left} className="cn-handle cn-handle-target" />
      ) : null}
      <header className="cn-node-head">
        <span className="cn-node-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="cn-node-title">{name || id}</span>
        <code className="cn-node-id">{id}</code>
      </header>
      {children ? <div className="cn-node-body">{children}</div> : null}
      {errors.length || warnings || step ? (
        <footer className="cn-node-foot">
          {errors.length ? (
            <span className="badge badge-danger" title={errors[0]?.message}>
              <IconAlert size={12} /> {errors.length} {errors.length === 1 ? 'problem' : 'problems'}
            </span>
          ) : warnings ? (
            <span className="badge badge-warning" title={problems[0]?.message}>
              <IconAlert size={12} /> {warnings} {warnings === 1 ? 'warning' : 'warnings'}
            </span>
          ) : null}
          {step ? (
            <span
              className={`badge run-badge run-badge-${step.status}`}
              title={step.error?.message ?? `${step.status}`}
            >
              {step.status === 'success' ? <IconCheck size={12} /> : <span className="status-dot" />}
              {step.status === 'success'
                ? 'Success'
                : step.status === 'failed'
                  ? 'Failed'
                  : step.status === 'skipped'
                    ? 'Skipped'
                    : step.status}
              {step.duration_ms !== null && step.status !== 'skipped'
                ? ` · ${duration(step.duration_ms)}`
                : ''}
            </span>
          ) : null}
        </footer>
      ) : null}
      {ports.length ? (
        <div className="cn-ports">
          {ports.map((port) => (
            <div key={port.id} className={`cn-port cn-port-${port.tone ?? 'default'}`}>
              <span className="cn-port-label">{port.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port.id}
                className="cn-handle cn-handle-source"
              />
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
