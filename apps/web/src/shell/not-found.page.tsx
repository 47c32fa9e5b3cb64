import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        title="This page does not exist"
        actions={
          <Link className="btn" to="/connectors">
            Go to Connectors
          </Link>
        }
      >
        The link may be old, or the item was deleted.
      </EmptyState>
    </div>
  );
}
