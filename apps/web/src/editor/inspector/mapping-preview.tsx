import { compileExpression } from '@connectors/engine';
import { useEffect, useState } from 'react';
import type { EdgeSample } from '../run/run-sample';

type Preview = { kind: 'value'; text: string } | { kind: 'error'; text: string } | { kind: 'none' };

function show(value: unknown): string {
  if (value === undefined) return 'nothing (carried as null)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * The value one mapping expression gives on the sample, evaluated in the browser with the engine's own
 * JSONata (same limits, same `$status` / `$headers` bindings), as you type.
 */
export function MappingPreview({ expression, sample }: { expression: string; sample: EdgeSample | null }) {
  const [preview, setPreview] = useState<Preview>({ kind: 'none' });
  useEffect(() => {
    if (!expression.trim()) {
      setPreview({ kind: 'none' });
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const compiled = compileExpression(expression);
        if (!sample) {
          if (!cancelled) setPreview({ kind: 'none' });
          return;
        }
        const value = await compiled.evaluate(sample.input, sample.bindings);
        if (!cancelled) setPreview({ kind: 'value', text: show(value) });
      } catch (error) {
        if (!cancelled)
          setPreview({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      }
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [expression, sample]);
  if (preview.kind === 'none') return null;
  return (
    <output className={`mapping-preview ${preview.kind === 'error' ? 'is-error' : ''}`} aria-live="polite">
      {preview.kind === 'error' ? (
        preview.text
      ) : (
        <>
          → <code>{preview.text}</code>
        </>
      )}
    </output>
  );
}
