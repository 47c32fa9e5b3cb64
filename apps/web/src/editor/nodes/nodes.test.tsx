import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedGraph } from '../../test/fixtures';
import { renderEditor, seedRun, seedStore } from '../../test/render-editor';
import { EditorCanvas } from '../canvas/editor-canvas';

const nodeEl = (id: string) => document.querySelector(`.cn-node[data-node-id="${id}"]`) as HTMLElement;

describe('custom nodes on the canvas', () => {
  it('draws each node with its method, its URL with templates highlighted, and its ports', async () => {
    renderEditor(<EditorCanvas colorMode="light" />);
    await waitFor(() => expect(document.querySelectorAll('.cn-node')).toHaveLength(4));
    const step2 = nodeEl('step_2');
    expect(step2.querySelector('.cn-node-title')?.textContent).toBe('Get contact');
    expect(step2.querySelector('.method')?.textContent).toBe('GET');
    expect(step2.querySelector('.tpl-expr')?.textContent).toBe('{{step_1.contactId}}');
    expect(nodeEl('step_1').querySelector('.method')?.textContent).toBe('POST');
    // Explicit handle ids: success/error on http nodes, one target each.
    const handles = [...step2.querySelectorAll('.react-flow__handle')].map((h) =>
      h.getAttribute('data-handleid'),
    );
    expect(handles).toEqual([null, 'success', 'error']);
    expect(nodeEl('output').querySelectorAll('.react-flow__handle.source')).toHaveLength(0);
    expect(nodeEl('output').textContent).toContain('metadata.company_name');
    expect(nodeEl('output').textContent).toContain('if empty');
  });

  it('draws the edges, labelled with the names they carry', async () => {
    renderEditor(<EditorCanvas colorMode="light" />);
    await waitFor(() => expect(document.querySelectorAll('.react-flow__edge')).toHaveLength(4));
    const label = await screen.findByText('contactId');
    expect(label.closest('[data-edge-id]')?.getAttribute('data-edge-id')).toBe('e1');
    expect(screen.getByText('firstName')).toBeTruthy();
  });

  it('shows validation problems on the node as they happen', async () => {
    const { store } = renderEditor(<EditorCanvas colorMode="light" />);
    await waitFor(() => expect(nodeEl('step_3')).toBeTruthy());
    expect(nodeEl('step_3').querySelector('.badge-danger')).toBeNull();
    store.getState().deleteElements([], ['e2']);
    await waitFor(() =>
      expect(nodeEl('step_3').querySelector('.badge-danger')?.textContent).toMatch(/1 problem/),
    );
    expect(nodeEl('step_3').classList.contains('has-errors')).toBe(true);
  });

  it('narrows a label to the gap between two nodes placed close together, not under them', async () => {
    // jsdom measures every node 260 px wide: the seed's nodes, 360 px apart, leave a 100 px gap.
    renderEditor(<EditorCanvas colorMode="light" />);
    await waitFor(() => expect(document.querySelector('[data-edge-id="e1"]')).toBeTruthy());
    const label = document.querySelector('[data-edge-id="e1"]') as HTMLElement;
    const width = Number.parseFloat(label.style.maxWidth);
    expect(width).toBeGreaterThanOrEqual(56);
    expect(width).toBeLessThan(100);
  });

  it('leaves a label its full width where the nodes are far enough apart', async () => {
    const graph = seedGraph();
    graph.nodes = graph.nodes.map((node, i) => ({ ...node, position: { x: i * 600, y: 0 } }));
    renderEditor(<EditorCanvas colorMode="light" />, seedStore({ graph }));
    await waitFor(() => expect(document.querySelector('[data-edge-id="e1"]')).toBeTruthy());
    expect((document.querySelector('[data-edge-id="e1"]') as HTMLElement).style.maxWidth).toBe('');
  });

  it('paints the last run: status and duration per node, values on edges', async () => {
    renderEditor(<EditorCanvas colorMode="light" />, seedStore({ lastRun: seedRun() }));
    await waitFor(() => expect(nodeEl('step_1')?.dataset.runStatus).toBe('success'));
    expect(nodeEl('step_1').querySelector('.run-badge')?.textContent).toBe('Success · 120 ms');
    expect(nodeEl('step_3').dataset.runStatus).toBeUndefined();
    await waitFor(() =>
      expect(document.querySelector('[data-edge-id="e1"]')?.textContent).toBe('contactId = "7"'),
    );
  });
});
