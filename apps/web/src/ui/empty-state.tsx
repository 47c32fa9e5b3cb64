import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  /** What to do next, in one or two sentences. */
  children: ReactNode;
  actions?: ReactNode;
}

/** The screen for "nothing here yet": what this place is for and the next step, with the button for it. */
export function EmptyState({ icon, title, children, actions }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      {icon ? <div className="empty-state-icon">{icon}</div> : null}
      <h2>{title}</h2>
      <div className="empty-state-text muted">{children}</div>
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </section>
  );
}
