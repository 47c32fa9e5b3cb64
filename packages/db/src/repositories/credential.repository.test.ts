import { expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect';
import { seedWorkspace } from '../testing/fixtures';
import {
  deleteCredential,
  getCredential,
  listCredentials,
  touchCredential,
  upsertCredential,
} from './credential.repository';
import { bindCredentialHostsIfUnbound } from './credential-hosts.repository';

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
