import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from './empty-state';

/** The spinner a page shows while what it lists or opens is on its way; `children` says what. */
export function PageLoading({ children }: { children: ReactNode }) {
  return (
    <div className="page-loading" role="status">
      <span className="spinner" /> {children}
    </div>
  );
}

/** The red error line of a page or a dialog: a failed read, save or run, as the API said it. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-danger" role="alert">
      {children}
    </div>
  );
}

export interface CannotOpenProps {
  /** "This flow cannot be opened". */
  title: string;
  /** The list to go back to. */
  back: { to: string; label: string };
  /** Offered as "Try again" when reading once more may help. */
  onRetry?: () => void;
  /** Why, as the API said it. */
  children: ReactNode;
}

/** The whole page when the one thing it opens (a flow, a connector, a run) could not be read. */
export function CannotOpen({ title, back, onRetry, children }: CannotOpenProps) {
  return (
    <div className="page">
      <EmptyState
        title={title}
        actions={
          <>
            {onRetry ? (
              <button type="button" className="btn" onClick={onRetry}>
                Try again
              </button>
            ) : null}
            <Link className="btn" to={back.to}>
              {back.label}
            </Link>
          </>
        }
      >
        {children}
      </EmptyState>
    </div>
  );
}
