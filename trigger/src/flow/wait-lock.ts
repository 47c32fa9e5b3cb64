/**
 * Runs the functions given to it one at a time, in call order. Trigger.dev cannot suspend a run on two
 * waits at once (`triggerAndWait`, `wait.for`), yet a flow's parallel branches may each reach a
 * connector or delay node together: their waits go through this lock, one after another.
 */
export function createWaitLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn);
    tail = next.catch(() => undefined);
    return next;
  };
}
