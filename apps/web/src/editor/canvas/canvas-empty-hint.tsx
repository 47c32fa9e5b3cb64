/** What an empty canvas says: where to start, and the shortcuts worth knowing. */
export function CanvasEmptyHint() {
  return (
    <div className="canvas-empty" role="note">
      <h2>Start with an HTTP request</h2>
      <p className="muted">
        Drag <strong>HTTP request</strong> from the left onto the canvas, or paste a cURL command with{' '}
        <strong>Import cURL</strong>. Connect a node's <em>success</em> port to the next node to pass data
        along, and finish with <strong>Update contact</strong>.
      </p>
      <p className="faint canvas-empty-keys">
        <kbd>Ctrl</kbd> <kbd>Z</kbd> undo · <kbd>Ctrl</kbd> <kbd>C</kbd>/<kbd>V</kbd> copy and paste ·{' '}
        <kbd>Del</kbd> delete · <kbd>Shift</kbd>-drag to select several
      </p>
    </div>
  );
}
