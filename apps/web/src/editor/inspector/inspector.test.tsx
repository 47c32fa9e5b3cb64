import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderEditor, seedRun, seedStore } from '../../test/render-editor';
import type { HttpCanvasNode, OutputCanvasNode } from '../graph/canvas-types';
import { Inspector } from './inspector';

const noop = () => {};
const httpData = (store: ReturnType<typeof seedStore>, id: string) =>
  (store.getState().nodes.find((n) => n.id === id) as HttpCanvasNode).data;

function open(store: ReturnType<typeof seedStore>, select: { nodes?: string[]; edges?: string[] }) {
  store.getState().selectOnly(select);
  return renderEditor(<Inspector onFocusNode={noop} />, store);
}

describe('http inspector', () => {
  it('edits name, method, URL and query parameters into the store', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    open(store, { nodes: ['step_2'] });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Fetch contact');
    await user.selectOptions(screen.getByLabelText('Method'), 'PATCH');
    await user.click(screen.getByRole('button', { name: 'Query parameters' }));
    await user.click(screen.getByRole('button', { name: /add query parameter/i }));
    await user.type(screen.getByLabelText('Query parameters 1 name'), 'limit');
    await user.type(screen.getByLabelText('Query parameters 1 value'), '5');
    const data = httpData(store, 'step_2');
    expect(data).toMatchObject({
      name: 'Fetch contact',
      method: 'PATCH',
      queryParams: [{ key: 'limit', value: '5' }],
    });
    // Typing a name is one undo step, not one per letter.
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(httpData(store, 'step_2').name).toBe('Get contact');
  });

  it('suggests inputs, credentials and carried values after {{, and inserts the pick', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    open(store, { nodes: ['step_2'] });
    const url = screen.getByRole('combobox', { name: 'URL' });
    await user.clear(url);
    await user.type(url, 'https://x.test/{{{{');
    const list = await screen.findByRole('listbox', { name: 'Suggestions' });
    const labels = within(list)
      .getAllByRole('option')
      .map((o) => o.querySelector('code')?.textContent);
    expect(labels.slice(0, 3)).toEqual(['step_1.contactId', 'input.email', 'credentials.hubspot.token']);
    expect(url.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(httpData(store, 'step_2').url).toBe('https://x.test/{{input.email}}');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('filters suggestions as you type and closes on Escape', async () => {
    const user = userEvent.setup();
    open(seedStore(), { nodes: ['step_3'] });
    const url = screen.getByRole('combobox', { name: 'URL' });
    await user.clear(url);
    await user.type(url, '{{{{cred');
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.querySelector('code')?.textContent)).toEqual(['credentials.hubspot.token']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('underlines an unknown reference and fixes it with one click', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    store.getState().deleteElements([], ['e2']);
    open(store, { nodes: ['step_3'] });
    expect(document.querySelector('.tpl-bad')?.textContent).toBe('{{step_2.companyId}}');
    expect(screen.getByRole('combobox', { name: 'URL' }).getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Connect step_2 → step_3' }));
    expect(store.getState().edges.some((e) => e.source === 'step_2' && e.target === 'step_3')).toBe(true);
    // Connected but carrying nothing yet: the next fix carries the value on the new edge.
    store.getState().selectOnly({ nodes: ['step_3'] });
    const carry = await screen.findByRole('button', { name: /Carry companyId on e5/ });
    await user.click(carry);
    expect(store.getState().edges.find((e) => e.id === 'e5')?.data?.mapping).toEqual({
      companyId: 'companyId',
    });
    expect(store.getState().problemsByNode.get('step_3')).toBeUndefined();
  });

  it('refuses invalid JSON in the body and keeps the last valid one', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    open(store, { nodes: ['step_1'] });
    const body = screen.getByRole('combobox', { name: 'Request body' });
    await user.clear(body);
    await user.type(body, '{{"limit": 1,');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Invalid JSON/);
    expect(httpData(store, 'step_1').body).toBeUndefined();
    await user.type(body, ' "q": "{{{{input.email}}"}');
    await waitFor(() => expect(httpData(store, 'step_1').body).toEqual({ limit: 1, q: '{{input.email}}' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('picks a stored credential for the auth', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    store.getState().updateNodeData('step_2', { auth: undefined });
    open(store, { nodes: ['step_2'] });
    await user.click(screen.getByRole('button', { name: 'Auth' }));
    await user.selectOptions(screen.getByLabelText('Type'), 'bearer');
    expect(httpData(store, 'step_2').auth).toEqual({
      type: 'bearer',
      token: '{{credentials.hubspot.token}}',
    });
    expect(screen.getByLabelText('Token from')).toHaveProperty('value', '{{credentials.hubspot.token}}');
  });
});

describe('output inspector', () => {
  it('maps contact fields with overwrite or if_empty', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    open(store, { nodes: ['output'] });
    await user.selectOptions(screen.getByLabelText('When to write first_name'), 'if_empty');
    const mappings = () =>
      (store.getState().nodes.find((n) => n.id === 'output') as OutputCanvasNode).data.fieldMappings;
    expect(mappings().first_name).toEqual({ template: '{{step_2.firstName}}', write: 'if_empty' });
    await user.selectOptions(screen.getByLabelText('When to write last_name'), 'overwrite');
    expect(mappings().last_name).toBe('{{step_2.lastName}}');
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    expect(Object.keys(mappings())).toContain('email');
  });

  it('shows an example value the node can read: a name an edge carries in, else a contact field', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    const incoming = store.getState().edges.filter((e) => e.target === 'output');
    store.getState().deleteElements(
      [],
      incoming.slice(1).map((e) => e.id),
    );
    const { unmount } = open(store, { nodes: ['output'] });
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const carried = incoming[0]?.data?.mapping ? Object.keys(incoming[0].data.mapping)[0] : undefined;
    expect(screen.getByLabelText('Value for email').getAttribute('placeholder')).toBe(
      `{{${incoming[0]?.source}.${carried}}}`,
    );
    unmount();
    store.getState().deleteElements([], [incoming[0]?.id ?? '']);
    open(store, { nodes: ['output'] });
    expect(screen.getByLabelText('Value for email').getAttribute('placeholder')).toBe(
      '{{contact.first_name}}',
    );
  });
});

describe('edge inspector', () => {
  it('previews each mapping live on the source node’s last response', async () => {
    const user = userEvent.setup();
    const store = seedStore({ lastRun: seedRun() });
    open(store, { edges: ['e1'] });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('step_1 → step_2');
    await waitFor(() => expect(document.querySelector('.mapping-preview')?.textContent).toBe('→ "7"'));
    const expression = screen.getByRole('combobox', { name: 'Mapping contactId expression' });
    await user.clear(expression);
    await user.type(expression, '$count(results)');
    await waitFor(() => expect(document.querySelector('.mapping-preview')?.textContent).toBe('→ 1'));
    await user.type(expression, ' +');
    await waitFor(() => expect(document.querySelector('.mapping-preview.is-error')).toBeTruthy());
    // Values it carried in the run.
    expect(screen.getByText(/"contactId": "7"/)).toBeTruthy();
  });

  it('adds a mapping by picking a path of the response', async () => {
    const user = userEvent.setup();
    const store = seedStore({ lastRun: seedRun() });
    open(store, { edges: ['e1'] });
    await user.click(screen.getByRole('button', { name: 'Pick from the response' }));
    await user.click(screen.getByTitle('Carry total'));
    expect(store.getState().edges.find((e) => e.id === 'e1')?.data?.mapping).toEqual({
      contactId: 'results[0].id',
      total: 'total',
    });
  });
});

describe('settings', () => {
  it('shows the connector settings when nothing is selected and edits the input schema', async () => {
    const user = userEvent.setup();
    const store = seedStore();
    open(store, {});
    expect(screen.getByRole('heading', { name: 'Connector settings' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add input' }));
    const name = screen.getByLabelText('Input 2 name');
    await user.clear(name);
    await user.type(name, 'domain');
    await user.selectOptions(screen.getByLabelText('Input domain type'), 'number');
    expect(store.getState().meta.input_schema.fields[1]).toEqual({
      name: 'domain',
      type: 'number',
      required: false,
    });
    await user.click(screen.getByLabelText(/Continue on error/));
    expect(store.getState().meta.continue_on_error).toBe(true);
    act(() => store.getState().undo());
    expect(store.getState().meta.continue_on_error).toBe(false);
  });
});
