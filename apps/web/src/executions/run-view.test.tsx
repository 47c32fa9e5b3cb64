import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Execution } from '../api/executions.api';
import { ToastProvider } from '../ui/toast';
import { failedRun, retriedRun } from './run-fixtures';
import { RunViewPage } from './run-view.page';

type Call = { method: string; path: string; body: unknown };

// React Flow renders over several frames: on a busy machine that takes longer than the default 1 s.
configure({ asyncUtilTimeout: 5000 });
/** Answers the API from a table of runs (the component's only I/O); records every call. */
function serve(runs: () => Execution[], extra: (call: Call) => unknown = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const call = {
        method: init.method ?? 'GET',
        path: url.pathname,
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      };
      calls.push(call);
      const json = (b: unknown, status = 200) =>
        new Response(JSON.stringify(b), { status, headers: { 'content-type': 'application/json' } });
      const answer = extra(call);
      if (answer !== undefined) return json(answer, 202);
      const run = runs().find((r) => call.path === `/api/v1/executions/${r.id}`);
      return run ? json(run) : json({ error: { code: 'not_found', message: 'Execution not found' } }, 404);
    }),
  );
  return calls;
}

function Where() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderRun(id: string) {
  return render(
    <MemoryRouter initialEntries={[`/executions/${id}`]}>
      <ToastProvider>
        <Routes>
          <Route path="/executions/:id" element={<RunViewPage />} />
          <Route path="*" element={<span>elsewhere</span>} />
        </Routes>
        <Where />
      </ToastProvider>
    </MemoryRouter>,
  );
}

const runNode = (id: string) => document.querySelector(`.run-node[data-node="${id}"]`) as HTMLElement | null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the run view', () => {
  it('draws the run on the canvas: each node by status, the failed one selected with its attempts', async () => {
    const run = failedRun();
    serve(() => [run]);
    renderRun(run.id);
    await waitFor(() => expect(runNode('step_2')?.dataset.status).toBe('failed'));
    expect(runNode('step_1')?.dataset.status).toBe('success');
    expect(runNode('step_3')?.dataset.status).toBe('skipped');
    expect(runNode('output')?.dataset.status).toBe('skipped');
    // The editor's own node component is inside, with its run badge.
    expect(runNode('step_2')?.querySelector('.cn-node.run-failed .run-badge')?.textContent).toBe(
      'Failed · 1.3 s',
    );
    expect(runNode('step_2')?.querySelector('.run-node-attempts')?.textContent).toBe('2 attempts');
    // The minimap paints each node by its status, not its type.
    await waitFor(() => expect(document.querySelectorAll('.react-flow__minimap-node')).toHaveLength(4));
    const fills = [...document.querySelectorAll<SVGElement>('.react-flow__minimap-node')].map(
      (rect) => rect.style.fill,
    );
    expect(fills).toEqual(['var(--success)', 'var(--danger)', 'var(--text-faint)', 'var(--text-faint)']);
    expect(runNode('step_1')?.querySelector('.run-node-attempts')).toBeNull();
    // Edges show what they carried.
    await waitFor(() =>
      expect(document.querySelector('[data-edge-id="e1"]')?.textContent).toBe('contactId = "101"'),
    );

    // The failed node is selected and its panel open on the last attempt.
    await waitFor(() =>
      expect(document.querySelector('.react-flow__node.selected')?.getAttribute('data-id')).toBe('step_2'),
    );
    const panel = screen.getByRole('complementary', { name: 'Step step_2' });
    expect(within(panel).getByRole('alert').textContent).toContain('answered HTTP 500 (after 2 attempts)');
    expect(within(panel).getByTestId('response-status').textContent).toBe('HTTP 500');
    expect(within(panel).getByText(/Upstream exploded/)).toBeTruthy();
    expect(within(panel).getByText('Authorization')).toBeTruthy();
    expect(within(panel).getByText('Bearer ••••••')).toBeTruthy();
    expect(within(panel).getByText('From step_1 (e1)')).toBeTruthy();
    const tabs = within(panel).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['#1 503', '#2 500']);
    expect(tabs[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(tabs[0] as HTMLElement);
    expect(within(panel).getByTestId('response-status').textContent).toBe('HTTP 503');
    expect(within(panel).getByText('Waited 1.0 s before the next')).toBeTruthy();

    // The header: what the run was, and how the connector changed since.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('HubSpot enrichment');
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(
      /changed since this run \(v3 → v4\).*step_2.*reuses step_1/,
    );
    expect(screen.getByRole('link', { name: 'run_abc123 ↗' }).getAttribute('href')).toBe(
      'https://cloud.trigger.dev/runs/run_abc123',
    );
    expect(screen.getByRole('link', { name: 'Open in editor' }).getAttribute('href')).toBe(
      '/connectors/c-1?node=step_2',
    );
  });

  it('draws the timeline: a bar per node on one axis, attempts and the backoff wait marked', async () => {
    const run = failedRun();
    serve(() => [run]);
    renderRun(run.id);
    await waitFor(() => expect(document.querySelectorAll('.timeline-row')).toHaveLength(4));
    const row = (id: string) => document.querySelector(`.timeline-row[data-step="${id}"]`) as HTMLElement;
    const bar = (id: string) => row(id).querySelector('.timeline-bar') as HTMLElement;
    expect([bar('step_1').dataset.start, bar('step_1').dataset.end]).toEqual(['0', '200']);
    expect([bar('step_2').dataset.start, bar('step_2').dataset.end]).toEqual(['200', '1500']);
    expect(bar('step_2').style.left).toBe(`${(200 / 1500) * 100}%`);
    const attempts = [...row('step_2').querySelectorAll('.timeline-attempt')];
    expect(attempts.map((a) => (a as HTMLElement).dataset.attempt)).toEqual(['1', '2']);
    expect(attempts.every((a) => a.classList.contains('is-failed'))).toBe(true);
    expect((row('step_2').querySelector('.timeline-wait') as HTMLElement).dataset.wait).toBe('1000');
    expect(row('step_3').textContent).toContain('skipped');
    // Choosing a bar opens its node.
    fireEvent.click(within(row('step_1')).getByRole('button', { name: /Search contact: success/ }));
    await screen.findByRole('complementary', { name: 'Step step_1' });
  });

  it('retries from the failed step and opens the new run; a reused step says so', async () => {
    const run = failedRun();
    const retry = retriedRun();
    const calls = serve(
      () => [run, retry],
      (call) =>
        call.method === 'POST'
          ? { executionId: retry.id, status: 'pending', retry_of: run.id, reused_steps: ['step_1'] }
          : undefined,
    );
    renderRun(run.id);
    fireEvent.click(await screen.findByRole('button', { name: /Retry from failed step/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe(`/executions/${retry.id}`));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: `/api/v1/executions/${run.id}/retry`,
      body: { from_failed: true },
    });
    await waitFor(() => expect(runNode('output')?.dataset.status).toBe('success'));
    expect(runNode('step_1')?.querySelector('.run-node-reused')?.textContent).toBe('Reused');
    expect(runNode('step_2')?.querySelector('.run-node-reused')).toBeNull();
    expect(screen.getByRole('link', { name: 'Compare with previous' }).getAttribute('href')).toBe(
      `/executions/compare?a=${run.id}&b=${retry.id}`,
    );
    expect(document.querySelector('.timeline-row[data-step="step_1"]')?.textContent).toContain(
      'reused from the earlier run',
    );
    fireEvent.click(screen.getByRole('button', { name: /Search contact: success/ }));
    const panel = await screen.findByRole('complementary', { name: 'Step step_1' });
    expect(within(panel).getByRole('note').textContent).toContain('not sent again');
  });
});

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

describe('a running execution', () => {
  it('shows the node the run is on when the page opens, before any event', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const final = retriedRun();
    const running: Execution = {
      ...final,
      status: 'running',
      current_step: 'step_2',
      completed_at: null,
      steps_executed: final.steps_executed?.slice(0, 1),
    };
    serve(() => [running]);
    renderRun(final.id);
    await waitFor(() => expect(runNode('step_2')?.dataset.status).toBe('running'));
    expect(runNode('step_3')?.dataset.status).toBe('pending');
  });

  it('updates as its events arrive, then reads the final run', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const final = retriedRun();
    const [search, contact] = final.steps_executed ?? [];
    let current: Execution = {
      ...final,
      status: 'running',
      completed_at: null,
      execution_time_ms: null,
      steps_executed: [search!],
    };
    serve(() => [current]);
    renderRun(final.id);
    await waitFor(() => expect(runNode('step_1')?.dataset.status).toBe('success'));
    expect(runNode('step_2')?.dataset.status).toBe('pending');
    expect(screen.getByRole('status', { name: 'Live' })).toBeTruthy();
    const source = FakeEventSource.last as FakeEventSource;
    expect(source.url).toBe(`/api/v1/executions/${final.id}/events`);

    act(() => source.emit('node.started', { step_id: 'step_2', started_at: contact!.started_at }));
    await waitFor(() => expect(runNode('step_2')?.dataset.status).toBe('running'));
    expect(runNode('step_2')?.querySelector('.run-badge')?.textContent).toBe('running');

    act(() => source.emit('node.succeeded', contact));
    await waitFor(() => expect(runNode('step_2')?.dataset.status).toBe('success'));
    expect(runNode('step_3')?.dataset.status).toBe('pending');

    current = final;
    act(() => source.emit('run.finished', { status: 'success' }));
    await waitFor(() => expect(runNode('output')?.dataset.status).toBe('success'));
    expect(source.closed).toBe(true);
    expect(screen.queryByRole('status', { name: 'Live' })).toBeNull();
  });
});
