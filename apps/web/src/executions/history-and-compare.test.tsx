import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Execution } from '../api/executions.api';
import { ToastProvider } from '../ui/toast';
import { ComparePage } from './compare.page';
import { ExecutionsPage } from './executions.page';
import { failedRun, retriedRun } from './run-fixtures';

// React Flow renders over several frames: on a busy machine that takes longer than the default 1 s.
configure({ asyncUtilTimeout: 5000 });
/** Answers the history's and the compare page's requests from fixtures; records the paths asked. */
function serve(runs: Execution[], pages: Record<string, { data: Execution[]; next_cursor: string | null }>) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL) => {
      asked.push(url.pathname + url.search);
      const json = (b: unknown) =>
        new Response(JSON.stringify(b), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/v1/connectors') return json({ data: [], next_cursor: null });
      if (url.pathname === '/api/v1/executions')
        return json(pages[url.search] ?? { data: [], next_cursor: null });
      const run = runs.find((r) => url.pathname === `/api/v1/executions/${r.id}`);
      return json(run);
    }),
  );
  return asked;
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <ToastProvider>
        <Routes>
          <Route path="/executions" element={<ExecutionsPage />} />
          <Route path="/executions/compare" element={<ComparePage />} />
          <Route path="*" element={<span>elsewhere</span>} />
        </Routes>
        <Where />
      </ToastProvider>
    </MemoryRouter>,
  );
}

const summary = (run: Execution, counts: Execution['step_counts']): Execution => {
  const { steps_executed: _s, graph_snapshot: _g, connector_changes: _c, ...rest } = run;
  return { ...rest, step_counts: counts };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the execution history', () => {
  it('lists runs with contact, duration and step counts, pages with the cursor, and filters', async () => {
    const failed = summary(failedRun(), { total: 4, success: 1, failed: 1, skipped: 2 });
    const retried = summary(retriedRun(), { total: 4, success: 4, failed: 0, skipped: 0 });
    const asked = serve([], {
      '': { data: [retried], next_cursor: 'CUR' },
      '?cursor=CUR': { data: [failed], next_cursor: null },
      '?status=failed': { data: [failed], next_cursor: null },
    });
    renderAt('/executions');
    const row = await screen.findByRole('row', { name: /\(success\)/ });
    expect(within(row).getByText('4/4')).toBeTruthy();
    expect(within(row).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(row).getByText('400 ms')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Load more/ }));
    const second = await screen.findByRole('row', { name: /\(failed\)/ });
    expect(second.textContent).toContain('1/4');
    expect(second.textContent).toContain('1 failed');
    expect(screen.queryByRole('button', { name: /Load more/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Filter by status'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(asked).toContain('/api/v1/executions?status=failed');
    expect(screen.getByTestId('location').textContent).toBe('/executions?status=failed');
  });

  it('compares two selected runs of one connector', async () => {
    const failed = summary(failedRun(), { total: 4, success: 1, failed: 1, skipped: 2 });
    const retried = summary(retriedRun(), { total: 4, success: 4, failed: 0, skipped: 0 });
    serve([], { '': { data: [retried, failed], next_cursor: null } });
    renderAt('/executions');
    await screen.findByRole('row', { name: /\(failed\)/ });
    const compare = screen.getByRole('button', { name: 'Compare' });
    expect((compare as HTMLButtonElement).disabled).toBe(true);
    const boxes = screen.getAllByRole('checkbox');
    fireEvent.click(boxes[0] as HTMLElement);
    expect(screen.getByText('Select one more run to compare')).toBeTruthy();
    fireEvent.click(boxes[1] as HTMLElement);
    expect((compare as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(compare);
    // The older run is A.
    expect(screen.getByTestId('location').textContent).toBe(
      `/executions/compare?a=${failed.id}&b=${retried.id}`,
    );
  });
});

describe('comparing two runs', () => {
  it('puts each node side by side and marks the request and response fields that differ', async () => {
    const a = failedRun();
    const b = retriedRun();
    serve([a, b], {});
    renderAt(`/executions/compare?a=${a.id}&b=${b.id}`);
    await screen.findByRole('heading', { name: 'Compare runs of HubSpot enrichment' });
    const node = (id: string) => document.querySelector(`.compare-node[data-node="${id}"]`) as HTMLElement;
    expect(node('step_1').classList.contains('has-diff')).toBe(false);
    expect(within(node('step_1')).getByText('Same')).toBeTruthy();
    const step2 = node('step_2');
    expect(step2.classList.contains('has-diff')).toBe(true);
    const field = (path: string) => step2.querySelector(`tr[data-field="${path}"]`) as HTMLElement | null;
    expect(field('request.url')?.dataset.diff).toBe('true');
    expect(field('request.url')?.textContent).toContain('/contacts/101');
    expect(field('request.url')?.textContent).toContain('/v2/contacts/101');
    expect(field('response.status')?.textContent).toBe('response.status500200');
    expect(field('response.body.message')?.dataset.diff).toBe('true');
    // Only differences by default; the same method is listed once that is turned off.
    expect(field('request.method')).toBeNull();
    fireEvent.click(screen.getByLabelText(/Only differences/));
    expect(field('request.method')?.dataset.diff).toBe('false');
    expect(screen.getByText(/3 of 4 nodes differ/)).toBeTruthy();
  });

  it('refuses runs of two different connectors', async () => {
    const a = failedRun();
    const b = { ...retriedRun(), connector_id: 'c-2' };
    serve([a, b], {});
    renderAt(`/executions/compare?a=${a.id}&b=${b.id}`);
    await screen.findByText(/different connectors/);
  });
});
