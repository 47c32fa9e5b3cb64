import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/api-response';
import { renderEditor, seedRun, seedStore } from '../test/render-editor';
import { EditorLayout } from './editor-layout';
import { coerceInput } from './run/test-run-dialog';

function renderLayout(store = seedStore()) {
  return renderEditor(
    <MemoryRouter>
      <EditorLayout onReload={() => {}} />
    </MemoryRouter>,
    store,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('editor screen', () => {
  it('saves the connector as a PUT at its version, and on 409 overwrites at the current one', async () => {
    const puts: { path: string; version: number }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        if (init.method === 'PUT') {
          const body = JSON.parse(String(init.body)) as { version: number };
          puts.push({ path: url.pathname, version: body.version });
          if (puts.length === 1)
            return json(
              { error: { code: 'stale_version', message: 'Stale', details: { current_version: 7 } } },
              409,
            );
          return json({ ...body, id: 'c-1', version: 8 });
        }
        if (url.pathname === '/api/v1/connectors/c-1') return json({ id: 'c-1', version: 7 });
        return json({ data: [], next_cursor: null });
      }),
    );
    const { store } = renderLayout();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('version 7');
    await userEvent.click(within(banner).getByRole('button', { name: 'Overwrite with mine' }));
    await waitFor(() => expect(store.getState().version).toBe(8));
    expect(puts).toEqual([
      { path: '/api/v1/connectors/c-1', version: 1 },
      { path: '/api/v1/connectors/c-1', version: 7 },
    ]);
    expect(store.getState().dirty).toBe(false);
  });

  it('disables Test run and says why while the graph has problems', async () => {
    const store = seedStore();
    renderLayout(store);
    const run = screen.getByRole('button', { name: /Test run/ });
    expect(run).toHaveProperty('disabled', false);
    act(() => store.getState().deleteElements([], ['e1']));
    expect(screen.getByRole('button', { name: /Test run/ })).toHaveProperty('disabled', true);
    const reason = screen.getByText(/Fix \d problems? to run/);
    expect(run.getAttribute('aria-describedby')).toBe(reason.id);
    // The reason opens the problems panel, whose fix draws the edge back.
    await userEvent.click(reason);
    await userEvent.click(screen.getByRole('button', { name: 'Connect step_1 → step_2' }));
    expect(store.getState().edges.some((e) => e.source === 'step_1' && e.target === 'step_2')).toBe(true);
  });

  it("links to the connector's run history", () => {
    renderLayout();
    const runs = screen.getByRole('link', { name: /Runs/ });
    expect(runs.getAttribute('href')).toBe('/executions?connector=c-1');
  });

  it('adds a node from the palette without dragging, and opens it in the inspector', async () => {
    const { store } = renderLayout();
    await userEvent.click(screen.getByRole('button', { name: /HTTP request/ }));
    expect(store.getState().nodes.at(-1)).toMatchObject({ id: 'step_4', type: 'http', selected: true });
    expect(screen.getByRole('complementary', { name: 'Inspector: Node step_4' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Update contact/ })).toHaveProperty('disabled', true);
  });

  it('deletes, undoes, copies and pastes from the keyboard', async () => {
    const { store } = renderLayout();
    act(() => store.getState().selectOnly({ nodes: ['step_3'] }));
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(store.getState().nodes.map((n) => n.id)).not.toContain('step_3');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store.getState().nodes.map((n) => n.id)).toContain('step_3');
    act(() => store.getState().selectOnly({ nodes: ['step_3'] }));
    fireEvent.keyDown(window, { key: 'c', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'v', ctrlKey: true });
    expect(store.getState().nodes.map((n) => n.id)).toContain('step_4');
    fireEvent.keyDown(window, { key: 'd', metaKey: true });
    expect(store.getState().nodes.map((n) => n.id)).toContain('step_5');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true }); // nothing to redo
    fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    expect(store.getState().nodes.every((n) => n.selected)).toBe(true);
  });

  it('runs a test from a form generated from the inputs, then paints the nodes', async () => {
    const user = userEvent.setup();
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        calls.push({ url: String(url), body: init.body ? JSON.parse(String(init.body)) : undefined });
        if (String(url).endsWith('/test')) return json(seedRun());
        return json({ error: { code: 'not_found', message: 'nope' } }, 404);
      }),
    );
    const store = seedStore();
    store.setState({ dirty: false });
    renderLayout(store);
    await user.click(screen.getByRole('button', { name: /Test run/ }));
    const email = await screen.findByRole('textbox', { name: /^email/ });
    await user.type(email, 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Run test' }));
    await waitFor(() => expect(store.getState().lastRun?.status).toBe('success'));
    expect(calls.map((c) => [c.url.replace(/^https?:\/\/[^/]+/, ''), c.body])).toEqual([
      ['/api/v1/connectors/c-1/test', { inputs: { email: 'ada@example.com' } }],
    ]);
    expect(await screen.findByRole('status', { name: 'Last test run' })).toBeTruthy();
    expect(screen.getByText('first_name = "Ada"')).toBeTruthy();
  });
});

describe('coerceInput', () => {
  it.each([
    [{ name: 'n', type: 'number', required: true } as const, '42', 42],
    [{ name: 'b', type: 'boolean', required: true } as const, 'true', true],
    [{ name: 'o', type: 'object', required: true } as const, '{"a":1}', { a: 1 }],
    [{ name: 's', type: 'string', required: true } as const, ' x ', ' x '],
  ])('reads %j', (field, text, value) => {
    expect(coerceInput(field, text)).toEqual(value);
  });
  it('says which field is wrong', () => {
    expect(() => coerceInput({ name: 'n', type: 'number', required: true, label: 'Count' }, 'x')).toThrow(
      'Count must be a number',
    );
  });
});
