import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedConnector, seedWorkspace } from '../testing/fixtures';
import {
  deleteCredential,
  getCredential,
  listCredentials,
  touchCredential,
  upsertCredential,
} from './credential.repository';
import { bindCredentialHostsIfUnbound } from './credential-hosts.repository';
import { getRunContext, RUN_CREDENTIALS_MAX } from './execution-run-context.repository';

const secret = (ct: string) => ({ kid: 'k1', iv: 'aXY=', ct, tag: 'dGFn' });

describeEachDialect('credential repository', (ctx) => {
  it('stores, replaces and deletes a service’s credential', async () => {
    const { user, workspace } = await seedWorkspace(ctx.db);
    const first = await upsertCredential(ctx.db, workspace.id, {
      service_name: 'hubspot',
      credentials: { token: secret('one') },
      allowed_hosts: ['api.hubapi.com'],
      created_by: user.id,
    });
    expect(first).not.toHaveProperty('credentials');
    expect(first).toMatchObject({ fields: ['token'], allowed_hosts: ['api.hubapi.com'] });
    const second = await upsertCredential(ctx.db, workspace.id, {
      service_name: 'hubspot',
      credentials: { token: secret('two'), client_id: secret('three') },
      allowed_hosts: ['api.hubapi.com', 'api.hubspot.com'],
    });
    expect(second.id).toBe(first.id);
    expect(second.created_by).toBe(user.id);
    expect(second.fields).toEqual(['client_id', 'token']);
    const stored = await getCredential(ctx.db, workspace.id, 'hubspot');
    expect(stored?.credentials.token).toEqual(secret('two'));
    expect(stored?.allowed_hosts).toEqual(['api.hubapi.com', 'api.hubspot.com']);
    await touchCredential(ctx.db, workspace.id, 'hubspot');
    expect((await getCredential(ctx.db, workspace.id, 'hubspot'))?.last_used_at).toBeInstanceOf(Date);
    expect(await deleteCredential(ctx.db, workspace.id, 'hubspot')).toBe(true);
    expect(await getCredential(ctx.db, workspace.id, 'hubspot')).toBeUndefined();
  });

  it('lists names and hosts only, per workspace', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    for (const name of ['stripe', 'clearbit']) {
      await upsertCredential(ctx.db, workspace.id, {
        service_name: name,
        credentials: { key: secret(name) },
        allowed_hosts: [],
      });
    }
    const list = await listCredentials(ctx.db, workspace.id);
    expect(list.map((c) => c.service_name)).toEqual(['clearbit', 'stripe']);
    expect(JSON.stringify(list)).not.toContain('"ct"');
    expect(await listCredentials(ctx.db, other.id)).toEqual([]);
    expect(await getCredential(ctx.db, other.id, 'stripe')).toBeUndefined();
    expect(await deleteCredential(ctx.db, other.id, 'stripe')).toBe(false);
  });

  it('binds an unbound credential to its first host only once', async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    await upsertCredential(ctx.db, workspace.id, {
      service_name: 'svc',
      credentials: { key: secret('k') },
      allowed_hosts: [],
    });
    const [a, b] = await Promise.all([
      bindCredentialHostsIfUnbound(ctx.db, workspace.id, 'svc', ['a.example.com']),
      bindCredentialHostsIfUnbound(ctx.db, workspace.id, 'svc', ['b.example.com']),
    ]);
    expect(a).toEqual(b);
    expect((await getCredential(ctx.db, workspace.id, 'svc'))?.allowed_hosts).toEqual(a);
    expect(await bindCredentialHostsIfUnbound(ctx.db, workspace.id, 'none', ['x'])).toBeUndefined();
  });
});

describeEachDialect("credentials read with a run's start", (ctx) => {
  it("comes with the run context: the workspace's own, encrypted, with their hosts, all of them", async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    const { workspace: other } = await seedWorkspace(ctx.db);
    await upsertCredential(ctx.db, workspace.id, {
      service_name: 'stripe',
      credentials: { key: secret('s') },
      allowed_hosts: [],
    });
    await upsertCredential(ctx.db, workspace.id, {
      service_name: 'hubspot',
      credentials: { token: secret('h') },
      allowed_hosts: ['api.hubapi.com'],
    });
    await upsertCredential(ctx.db, other.id, {
      service_name: 'clearbit',
      credentials: { key: secret('other') },
      allowed_hosts: [],
    });
    const connector = await seedConnector(ctx.db, workspace.id);
    const run = { workspace_id: workspace.id, connector_id: connector.id, contact_id: null };

    const context = await getRunContext(ctx.db, run, undefined, { credentials: true });
    expect(context?.credentials).toEqual({
      complete: true,
      rows: [
        { service_name: 'hubspot', credentials: { token: secret('h') }, allowed_hosts: ['api.hubapi.com'] },
        { service_name: 'stripe', credentials: { key: secret('s') }, allowed_hosts: [] },
      ],
    });
    expect((await getRunContext(ctx.db, run))?.credentials).toBeUndefined();
    const empty = await seedConnector(ctx.db, other.id);
    const { workspace: bare } = await seedWorkspace(ctx.db);
    const none = await seedConnector(ctx.db, bare.id);
    expect(
      (
        await getRunContext(ctx.db, { ...run, workspace_id: bare.id, connector_id: none.id }, undefined, {
          credentials: true,
        })
      )?.credentials,
    ).toEqual({ complete: true, rows: [] });
    expect(
      (
        await getRunContext(ctx.db, { ...run, workspace_id: other.id, connector_id: empty.id }, undefined, {
          credentials: true,
        })
      )?.credentials?.rows.map((r) => r.service_name),
    ).toEqual(['clearbit']);
  });

  it(`reads at most ${RUN_CREDENTIALS_MAX} and says the list is not complete past that`, async () => {
    const { workspace } = await seedWorkspace(ctx.db);
    for (let i = 0; i <= RUN_CREDENTIALS_MAX; i++) {
      await upsertCredential(ctx.db, workspace.id, {
        service_name: `service_${String(i).padStart(3, '0')}`,
        credentials: { key: secret(String(i)) },
        allowed_hosts: [],
      });
    }
    const connector = await seedConnector(ctx.db, workspace.id);
    const context = await getRunContext(
      ctx.db,
      { workspace_id: workspace.id, connector_id: connector.id, contact_id: null },
      undefined,
      { credentials: true },
    );
    expect(context?.credentials?.complete).toBe(false);
    expect(context?.credentials?.rows).toHaveLength(RUN_CREDENTIALS_MAX);
  });
});
