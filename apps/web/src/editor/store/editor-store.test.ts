import { validateGraph } from '@connectors/engine';
import { describe, expect, it } from 'vitest';
import { conditionGraph, seedGraph } from '../../test/fixtures';
import { canvasToGraph } from '../graph/canvas-to-graph';
import { graphToCanvas } from '../graph/graph-to-canvas';
import { createEditorStore } from './editor-store';

const graphOf = (store: ReturnType<typeof createEditorStore>) => {
  const { nodes, edges } = store.getState();
  return canvasToGraph(nodes, edges);
};

describe('graph ↔ canvas', () => {
  it.each([
    ['the seed connector', seedGraph()],
    ['a condition with true/false/error edges', conditionGraph()],
  ])('round-trips %s unchanged', (_name, graph) => {
    const { nodes, edges } = graphToCanvas(graph);
    expect(canvasToGraph(nodes, edges)).toEqual(graph);
  });

  it('gives every canvas edge its effective handle, so it attaches to the right port', () => {
    const { edges } = graphToCanvas(conditionGraph());
    expect(edges.map((e) => e.sourceHandle)).toEqual(['success', 'true', 'false', 'error']);
  });

  it('never saves React Flow state (selection, measurements)', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().selectAll();
    store.setState((s) => ({
      nodes: s.nodes.map((n) => ({ ...n, measured: { width: 260, height: 90 }, dragging: true })),
    }));
    const saved = JSON.stringify(graphOf(store));
    expect(saved).not.toMatch(/selected|measured|dragging/);
    expect(graphOf(store)).toEqual(seedGraph());
  });
});

describe('editing', () => {
  it('adds nodes with seed-style ids and connects them through handles', () => {
    const store = createEditorStore();
    const a = store.getState().addNode('http', { x: 0, y: 0 });
    const b = store.getState().addNode('http', { x: 300, y: 0 });
    const out = store.getState().addNode('output', { x: 600, y: 0 });
    expect([a, b, out]).toEqual(['step_1', 'step_2', 'output']);
    store.getState().onConnect({ source: a, target: b, sourceHandle: 'success', targetHandle: null });
    store.getState().onConnect({ source: a, target: b, sourceHandle: 'success', targetHandle: null });
    store.getState().onConnect({ source: b, target: b, sourceHandle: null, targetHandle: null });
    expect(store.getState().edges.map((e) => [e.id, e.source, e.target])).toEqual([
      ['e1', 'step_1', 'step_2'],
    ]);
    expect(store.getState().dirty).toBe(true);
  });

  it('revalidates on content changes and offers the engine fix for a missing edge', () => {
    const store = createEditorStore({
      graph: seedGraph(),
      meta: { input_schema: { fields: [{ name: 'email', type: 'string', required: true }] } },
    });
    expect(store.getState().errorCount).toBe(0);
    store.getState().deleteElements([], ['e2']);
    const problem = store
      .getState()
      .problemsByNode.get('step_3')
      ?.find((p) => p.code === 'missing_edge');
    expect(problem?.fix).toMatchObject({ source: 'step_2', target: 'step_3' });
    const edge = store.getState().connectNodes('step_2', 'step_3');
    expect(edge).toBe('e5');
    expect(
      store
        .getState()
        .problemsByNode.get('step_3')
        ?.some((p) => p.code === 'value_not_carried'),
    ).toBe(true);
  });

  it('moves without an undo step per frame, but a drag is one undo step', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().beginDrag();
    for (let x = 1; x <= 5; x++)
      store
        .getState()
        .onNodesChange([{ type: 'position', id: 'step_1', position: { x, y: 0 }, dragging: true }]);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes.find((n) => n.id === 'step_1')?.position).toEqual({ x: 0, y: 0 });
  });

  it('renames a node and every reference to it', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().renameNode('step_1', 'search');
    const graph = graphOf(store);
    expect(graph.edges[0]?.source).toBe('search');
    const step2 = graph.nodes.find((n) => n.id === 'step_2');
    expect(step2?.type === 'http' && step2.data.url).toContain('{{search.contactId}}');
    expect(validateGraph(graph).ok).toBe(true);
  });
});

describe('undo / redo', () => {
  it('undoes and redoes node, edge and settings changes in order', () => {
    const store = createEditorStore({ graph: seedGraph() });
    const before = graphOf(store);
    store.getState().updateNodeData('step_2', { url: 'https://other.test' });
    store.getState().deleteElements(['step_3'], []);
    store.getState().updateMeta({ name: 'Renamed' });
    expect(graphOf(store).nodes).toHaveLength(3);

    store.getState().undo();
    expect(store.getState().meta.name).not.toBe('Renamed');
    store.getState().undo();
    expect(graphOf(store).nodes).toHaveLength(4);
    expect(graphOf(store).edges).toHaveLength(4);
    store.getState().undo();
    expect(graphOf(store)).toEqual(before);
    store.getState().undo(); // nothing left: no-op

    store.getState().redo();
    store.getState().redo();
    expect(graphOf(store).nodes.map((n) => n.id)).toEqual(['step_1', 'step_2', 'output']);
    store.getState().redo();
    expect(store.getState().meta.name).toBe('Renamed');
  });

  it('coalesces typing in one field into one undo step', () => {
    const store = createEditorStore({ graph: seedGraph() });
    for (const url of ['h', 'ht', 'htt', 'http'])
      store.getState().updateNodeData('step_1', { url }, { coalesce: 'step_1.url' });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(graphOf(store)).toEqual(seedGraph());
  });

  it('drops the redo stack after a new change', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().updateNodeData('step_1', { name: 'A' });
    store.getState().undo();
    store.getState().updateNodeData('step_1', { name: 'B' });
    expect(store.getState().future).toHaveLength(0);
  });
});

describe('copy / paste / duplicate', () => {
  it('pastes copies with fresh ids, renaming references between the copies only', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().selectOnly({ nodes: ['step_1', 'step_2'] });
    expect(store.getState().copySelection()).toBe(2);
    const pasted = store.getState().paste();
    expect(pasted).toEqual(['step_4', 'step_5']);
    const graph = graphOf(store);
    const copy = graph.nodes.find((n) => n.id === 'step_5');
    expect(copy?.type === 'http' && copy.data.url).toContain('{{step_4.contactId}}');
    expect(copy?.position).toEqual({ x: 400, y: 40 });
    expect(graph.edges.find((e) => e.source === 'step_4')).toMatchObject({
      target: 'step_5',
      data: { mapping: { contactId: 'results[0].id' } },
    });
    // The pasted nodes are the new selection.
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(['step_4', 'step_5']);
  });

  it('pastes again a step further, and undo removes a paste', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().selectOnly({ nodes: ['step_3'] });
    store.getState().copySelection();
    store.getState().paste();
    store.getState().paste();
    const positions = graphOf(store)
      .nodes.slice(-2)
      .map((n) => n.position);
    expect(positions).toEqual([
      { x: 760, y: 40 },
      { x: 800, y: 80 },
    ]);
    store.getState().undo();
    expect(graphOf(store).nodes).toHaveLength(5);
  });

  it('never pastes a second output node', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().selectOnly({ nodes: ['output'] });
    expect(store.getState().duplicateSelection()).toEqual([]);
    expect(graphOf(store).nodes.filter((n) => n.type === 'output')).toHaveLength(1);
  });

  it('duplicates the selection without touching the clipboard', () => {
    const store = createEditorStore({ graph: seedGraph() });
    store.getState().selectOnly({ nodes: ['step_3'] });
    expect(store.getState().duplicateSelection()).toEqual(['step_4']);
    expect(store.getState().clipboard).toBeNull();
  });
});
