import {
  type ConnectorFields,
  createConnector,
  createContact,
  createExecution,
  type Executor,
  upsertCredential,
} from '@connectors/db';
import { seedWorkspace } from '@connectors/db/testing';
import { convertSeedConnector } from '@connectors/engine';
import { type CredentialCipher, encryptCredentialFields } from '@connectors/runner';
import { seedHubspotConnector } from '@connectors/runner/testing';

/**
 * For the worker tests, which take work straight from the database: a new workspace with the HubSpot
 * token stored (encrypted with `cipher`), the seed connector pointing at `apiUrl`, one contact, and
 * `count` pending live executions of that connector for it, as the API would enqueue them.
 */
export async function pendingExecutions(
  db: Executor,
  options: { cipher: CredentialCipher; apiUrl: string; count: number; connector?: Partial<ConnectorFields> },
): Promise<{ workspaceId: string; ids: string[] }> {
  const { workspace } = await seedWorkspace(db);
  await upsertCredential(db, workspace.id, {
    service_name: 'hubspot',
    credentials: encryptCredentialFields(options.cipher, workspace.id, 'hubspot', { token: 'tok-123' }),
    allowed_hosts: [],
  });
  const converted = convertSeedConnector(seedHubspotConnector(options.apiUrl));
  if (!converted.ok) throw new Error('conversion failed');
  const connector = await createConnector(db, workspace.id, {
    name: 'HubSpot',
    config: converted.config,
    ...options.connector,
  });
  const contact = await createContact(db, workspace.id, { email: 'john@acme.com' });
  const ids: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const { execution } = await createExecution(db, {
      workspace_id: workspace.id,
      connector_id: connector.id,
      connector_version: 1,
      graph_snapshot: connector.config,
      contact_id: contact.id,
      input_data: { email: 'john@acme.com' },
    });
    ids.push(execution.id);
  }
  return { workspaceId: workspace.id, ids };
}
