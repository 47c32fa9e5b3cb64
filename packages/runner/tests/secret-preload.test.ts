import { getCredential, getRunContext, QueryCounter, upsertCredential } from '@connectors/db';
import { describeEachDialect, seedConnector, seedWorkspace } from '@connectors/db/testing';
import { expect, it } from 'vitest';
import { createSecretResolver, encryptCredentialFields } from '../src';
import { cipher } from './support/runner-fixture';

/** A workspace with a HubSpot token and a connector, and its credentials as a run's start reads them. */
async function seeded(ctx: { db: Parameters<typeof seedWorkspace>[0] }) {
  const { workspace } = await seedWorkspace(ctx.db);
  await upsertCredential(ctx.db, workspace.id, {
    service_name: 'hubspot',
    credentials: encryptCredentialFields(cipher, workspace.id, 'hubspot', { token: 'pat-preloaded' }),
    allowed_hosts: ['api.hubapi.com'],
  });
  const connector = await seedConnector(ctx.db, workspace.id);
  const context = await getRunContext(
    ctx.db,
    { workspace_id: workspace.id, connector_id: connector.id, contact_id: null },
    undefined,
    { credentials: true },
  );
  return { workspaceId: workspace.id, preloaded: context?.credentials };
}

/** Statements that read a credential on their own. */
const credentialReads = (counter: QueryCounter) => counter.tally()['select workspace_api_credentials'] ?? 0;

describeEachDialect('secrets preloaded with the run', (ctx) => {
  it('resolves from what the run read at its start, without reading the credential again', async () => {
    const { workspaceId, preloaded } = await seeded(ctx);
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);
    const secrets = createSecretResolver({ db, cipher, workspaceId, preloaded });
    expect(await secrets.resolve('workspace', ['hubspot_token'])).toEqual({
      value: 'pat-preloaded',
      hosts: ['api.hubapi.com'],
    });
    expect(await secrets.resolve('credentials', ['hubspot', 'token'])).toMatchObject({
      value: 'pat-preloaded',
    });
    // A complete list answers "no such credential" too.
    expect(await secrets.resolve('workspace', ['stripe_key'])).toBeUndefined();
    expect(credentialReads(counter)).toBe(0);
    expect(secrets.serviceOf('workspace.hubspot_token')).toBe('hubspot');
  });

  it('reads a service missing from an incomplete list, and binds hosts as before', async () => {
    const { workspaceId, preloaded } = await seeded(ctx);
    await upsertCredential(ctx.db, workspaceId, {
      service_name: 'stripe',
      credentials: encryptCredentialFields(cipher, workspaceId, 'stripe', { key: 'sk-late' }),
      allowed_hosts: [],
    });
    const counter = new QueryCounter();
    const db = ctx.db.withPlugin(counter);
    const secrets = createSecretResolver({
      db,
      cipher,
      workspaceId,
      preloaded: { rows: preloaded?.rows ?? [], complete: false },
    });
    expect(await secrets.resolve('credentials', ['stripe', 'key'])).toEqual({ value: 'sk-late' });
    expect(credentialReads(counter)).toBe(1);
    await secrets.bindOnFirstUse(['stripe'], 'api.stripe.com');
    expect((await getCredential(ctx.db, workspaceId, 'stripe'))?.allowed_hosts).toEqual(['api.stripe.com']);
    expect(await secrets.resolve('credentials', ['stripe', 'key'])).toEqual({
      value: 'sk-late',
      hosts: ['api.stripe.com'],
    });
  });
});
