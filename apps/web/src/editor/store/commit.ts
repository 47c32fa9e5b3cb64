import type { StoreApi } from 'zustand';
import type { CommitOptions, EditorState } from './editor-state';

type Set = StoreApi<EditorState>['setState'];
type Get = StoreApi<EditorState>['getState'];

/**
 * Applies a content change: records an undo step first, marks the connector dirty, bumps the revision
 * and re-runs validation. Moves and selection do not go through here.
 */
export function commit(
  set: Set,
  get: Get,
  change: (state: EditorState) => Partial<EditorState>,
  options: CommitOptions = {},
): void {
  get().snapshot(options);
  set((state) => ({ ...change(state), dirty: true, revision: state.revision + 1 }));
  get().revalidate();
}
