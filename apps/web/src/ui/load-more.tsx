import type { ReactNode } from 'react';

export interface LoadMoreProps {
  /** Whether the list has a next page (the API gave a cursor). */
  hasMore: boolean;
  onMore: () => void;
  /** While the next page is read: the button waits, with a spinner. Left out, it never waits. */
  loading?: boolean;
  /** Shown beside the button, and kept when there is no next page (e.g. "12 contacts shown"). */
  children?: ReactNode;
  className?: string;
}

/** The footer of a paged table: "Load more" while the API has another page. */
export function LoadMore({ hasMore, onMore, loading, children, className }: LoadMoreProps) {
  if (!hasMore && !children) return null;
  return (
    <div className={className ? `table-more ${className}` : 'table-more'}>
      {children}
      {hasMore ? (
        <button type="button" className="btn" disabled={loading} onClick={onMore}>
          {loading ? <span className="spinner" /> : null} Load more
        </button>
      ) : null}
    </div>
  );
}
