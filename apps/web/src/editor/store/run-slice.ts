import type { StateCreator } from 'zustand';
import type { StepExecuted } from '../../api/executions.api';
import type { EditorState, RunSlice } from './editor-state';

/** The last test run, painted on the canvas: each node's step by id. */
export const createRunSlice: StateCreator<EditorState, [], [], RunSlice> = (set) => ({
  lastRun: null,
  stepsById: new Map(),
  running: false,
  setRunning: (running) => set({ running }),
  setRun: (execution) =>
    set({
      lastRun: execution,
      running: false,
      stepsById: new Map<string, StepExecuted>((execution?.steps_executed ?? []).map((s) => [s.step_id, s])),
    }),
});
