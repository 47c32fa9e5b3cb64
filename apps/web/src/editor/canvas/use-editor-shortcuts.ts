import { useEffect } from 'react';
import type { EditorStore } from '../store/editor-store';

export interface ShortcutHandlers {
  save: () => void;
  fitView: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[role=dialog]')) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/**
 * The editor's keyboard: undo/redo, copy/paste/duplicate, select all, delete, save, fit view. Ignored while
 * typing in a field or inside a dialog, so text editing keeps its own shortcuts.
 */
export function useEditorShortcuts(store: EditorStore, handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        handlers.save();
        return;
      }
      if (isTyping(event.target)) return;
      const state = store.getState();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) state.redo();
        else state.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        state.redo();
      } else if (mod && key === 'c') {
        state.copySelection();
      } else if (mod && key === 'x') {
        if (state.copySelection() > 0) state.deleteSelection();
      } else if (mod && key === 'v') {
        event.preventDefault();
        state.paste();
      } else if (mod && key === 'd') {
        event.preventDefault();
        state.duplicateSelection();
      } else if (mod && key === 'a') {
        event.preventDefault();
        state.selectAll();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        state.deleteSelection();
      } else if (!mod && event.key === 'Escape') {
        state.selectOnly({});
      } else if (!mod && event.shiftKey && event.key === '!') {
        handlers.fitView();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, handlers]);
}
