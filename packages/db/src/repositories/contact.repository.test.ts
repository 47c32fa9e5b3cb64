import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Executor } from '../database';
import { InvalidCursorError } from '../errors/invalid-cursor.error';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  replaceContact,
  updateContact,
} from './contact.repository';

async function allPages(db: Executor, workspaceId: string, limit: number, search?: string) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listContacts(db, workspaceId, { limit, cursor, ...(search ? { search } : {}) });
    pages.push(page.data.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describeEachDialect('contact repository', (ctx) => {
  it('creates, reads, updates and deletes a contact', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const contact = await createContact(ctx.db, workspace.id, {
      email: 'ada@example.com',
      first_name: 'Ada',
    });
    expect(contact.metadata).toEqual({});
    const updated = await updateContact(ctx.db, workspace.id, contact.id, { last_name: 'Lovelace' });
    expect(updated).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' });
    expect(updated?.updated_at.getTime()).toBeGreaterThanOrEqual(contact.updated_at.getTime());
    expect(await deleteContact(ctx.db, workspace.id, contact.id)).toBe(true);
    expect(await getContact(ctx.db, workspace.id, contact.id)).toBeUndefined();
  });

  it('deep-merges a metadata patch, deleting keys set to null', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const contact = await createContact(ctx.db, workspace.id, {
      metadata: { x: { y: 1, keep: true }, tags: ['a', 'b'], drop: 1 },
    });
    const updated = await updateContact(ctx.db, workspace.id, contact.id, {
      title: 'CTO',
      metadata: { x: { z: 2 }, tags: ['c'], drop: null, company_name: 'Acme' },
    });
    expect(updated?.title).toBe('CTO');
    expect(updated?.metadata).toEqual({ x: { y: 1, keep: true, z: 2 }, tags: ['c'], company_name: 'Acme' });
    expect((await getContact(ctx.db, workspace.id, contact.id))?.metadata).toEqual(updated?.metadata);
  });

  it('merges inside a caller’s transaction too', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const contact = await createContact(ctx.db, workspace.id, { metadata: { a: { b: 1 } } });
    await ctx.db.transaction().execute(async (trx) => {
      await updateContact(trx, workspace.id, contact.id, { metadata: { a: { c: 2 } } });
    });
    expect((await getContact(ctx.db, workspace.id, contact.id))?.metadata).toEqual({ a: { b: 1, c: 2 } });
  });

  it('replaces a whole contact', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const contact = await createContact(ctx.db, workspace.id, {
      email: 'a@b.c',
      phone: '1',
      metadata: { a: 1 },
    });
    const replaced = await replaceContact(ctx.db, workspace.id, contact.id, { email: 'd@e.f' });
    expect(replaced).toMatchObject({ email: 'd@e.f', phone: null, metadata: {} });
  });

  it('never reads or writes another workspace’s contact', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    const contact = await createContact(ctx.db, workspace.id, { email: 'mine@example.com' });
    expect(await getContact(ctx.db, other.id, contact.id)).toBeUndefined();
    expect(await updateContact(ctx.db, other.id, contact.id, { first_name: 'X' })).toBeUndefined();
    expect(await updateContact(ctx.db, other.id, contact.id, { metadata: { a: 1 } })).toBeUndefined();
    expect(await replaceContact(ctx.db, other.id, contact.id, {})).toBeUndefined();
    expect(await deleteContact(ctx.db, other.id, contact.id)).toBe(false);
    expect((await listContacts(ctx.db, other.id)).data).toEqual([]);
    expect(await getContact(ctx.db, workspace.id, 'not-a-uuid')).toBeUndefined();
  });

  it('pages through rows with equal timestamps without losing or repeating one', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    // now() is the transaction's start time: all seven rows get the same created_at.
    const ids = await ctx.db.transaction().execute(async (trx) => {
      const created: string[] = [];
      for (let i = 0; i < 7; i++)
        created.push((await createContact(trx, workspace.id, { first_name: `P${i}` })).id);
      return created;
    });
    const later = await createContact(ctx.db, workspace.id, { first_name: 'Later' });
    const pages = await allPages(ctx.db, workspace.id, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const flat = pages.flat();
    expect(flat[0]).toBe(later.id);
    expect(new Set(flat).size).toBe(8);
    expect([...ids].sort().reverse()).toEqual(flat.slice(1)); // ties broken by id, descending
  });

  it('searches e-mail and names, treating % and _ literally', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const ada = await createContact(ctx.db, workspace.id, {
      email: 'ada@analytical.io',
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    const grace = await createContact(ctx.db, workspace.id, {
      email: 'grace_h@navy.mil',
      first_name: 'Grace',
    });
    await createContact(ctx.db, workspace.id, { email: 'gracexh@navy.mil' });
    const ids = async (search: string) =>
      (await listContacts(ctx.db, workspace.id, { search })).data.map((c) => c.id);
    expect(await ids('LOVELACE')).toEqual([ada.id]);
    expect(await ids('ada love')).toEqual([ada.id]);
    expect(await ids('grace_h')).toEqual([grace.id]);
    expect(await ids('100%')).toEqual([]);
    expect(
      (await listContacts(ctx.db, workspace.id, { email: 'ADA@analytical.io' })).data.map((c) => c.id),
    ).toEqual([ada.id]);
  });

  it('rejects a forged cursor', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    await expect(listContacts(ctx.db, workspace.id, { cursor: randomUUID() })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
