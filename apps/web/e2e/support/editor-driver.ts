import type { Locator, Page } from 'playwright-core';

/** Helpers that act on the editor the way a person does: drag from the palette, drag between handles. */
export function editorDriver(page: Page) {
  const inspector = () => page.getByRole('complementary', { name: /^Inspector/ });
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

  return {
    inspector,
    node,
    /** Drags a palette item onto the canvas at (x, y) of the pane; returns the id of the new node. */
    async drop(type: 'http' | 'condition' | 'transform' | 'output', x: number, y: number): Promise<string> {
      const before = await page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      await page
        .locator(`.palette-item[data-node-type="${type}"]`)
        .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
      await page.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__node').length === n,
        before.length + 1,
      );
      const after = await page
        .locator('.react-flow__node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      const id = after.find((a) => !before.includes(a));
      if (!id) throw new Error(`no ${type} node appeared`);
      return id;
    },
    /** Drags from a node's source handle to another node's target handle. */
    async connect(source: string, handle: string, target: string): Promise<void> {
      const from = await node(source)
        .locator(`.react-flow__handle.source[data-handleid="${handle}"]`)
        .boundingBox();
      const to = await node(target).locator('.react-flow__handle.target').boundingBox();
      if (!from || !to) throw new Error(`handles of ${source} → ${target} are not on screen`);
      const count = await page.locator('.react-flow__edge').count();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
      await page.mouse.up();
      await page.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__edge').length === n,
        count + 1,
      );
    },
    /** Selects a node by clicking its title. */
    async select(id: string): Promise<void> {
      await node(id).locator('.cn-node-title').click();
      await inspector().getByRole('tab', { name: 'Configure' }).waitFor();
    },
    /** Selects an edge by clicking the middle of its curve. */
    async selectEdge(id: string): Promise<void> {
      await page
        .locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-interaction`)
        .click({ force: true });
      await inspector().getByRole('heading', { level: 2 }).filter({ hasText: '→' }).waitFor();
    },
    /** Types into a template field key by key, so suggestions open as they would for a person. */
    async typeTemplate(field: Locator, text: string): Promise<void> {
      await field.click();
      await field.pressSequentially(text, { delay: 10 });
    },
  };
}
