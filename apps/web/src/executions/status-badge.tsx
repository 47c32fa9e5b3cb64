const CLASS: Record<string, string> = {
  success: 'badge-success',
  partial: 'badge-warning',
  failed: 'badge-danger',
  timeout: 'badge-danger',
  cancelled: '',
  running: 'badge-info',
  pending: '',
  skipped: '',
};

/** A run's or a node's status as a coloured badge with its word (colour is never the only signal). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-badge ${CLASS[status] ?? ''}`}>
      <span className={`status-dot status-${status}`} aria-hidden="true" />
      {status[0]?.toUpperCase()}
      {status.slice(1)}
    </span>
  );
}
