/** Shown when a save answered 409: someone saved a newer version in between. */
export function ConflictBanner({
  current,
  onReload,
  onOverwrite,
  onDismiss,
}: {
  current: number;
  onReload: () => void;
  onOverwrite: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className="alert alert-warning conflict-banner" role="alert">
      <span>
        This connector was changed elsewhere (it is now at version {current}). Reload to see those changes —
        your unsaved edits here will be lost — or overwrite them with yours.
      </span>
      <button type="button" className="btn btn-sm" onClick={onReload}>
        Reload
      </button>
      <button type="button" className="btn btn-sm btn-danger" onClick={onOverwrite}>
        Overwrite with mine
      </button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
