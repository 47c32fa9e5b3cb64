import {
  contactBodySchema,
  contactPageSchema,
  contactPatchSchema,
  contactSchema,
  listContactsQuerySchema,
} from '../../schemas/contact.schema';
import type { RouteDoc } from '../route-doc';

const base = '/api/v1/contacts';
const id = { id: 'The contact id (a UUID); another workspace’s id answers 404' };
const unknown = 'Unknown fields are ignored.';

/** Contacts (`src/routes/contacts.routes.ts`). */
export const contactDocs: RouteDoc[] = [
  {
    method: 'post',
    path: base,
    operationId: 'createContact',
    tag: 'Contacts',
    summary: 'Create a contact',
    description: unknown,
    body: contactBodySchema,
    bodyExample: { email: 'john@acme.com', first_name: 'John', metadata: { source: 'import' } },
    responses: { 201: { description: 'The contact', schema: contactSchema } },
  },
  {
    method: 'get',
    path: base,
    operationId: 'listContacts',
    tag: 'Contacts',
    summary: 'List or search contacts',
    description: 'Newest first, a page at a time (keyset cursor).',
    query: listContactsQuerySchema,
    responses: { 200: { description: 'A page of contacts', schema: contactPageSchema } },
  },
  {
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getContact',
    tag: 'Contacts',
    summary: 'Get a contact',
    params: id,
    responses: { 200: { description: 'The contact', schema: contactSchema } },
  },
  {
    method: 'put',
    path: `${base}/:id`,
    operationId: 'replaceContact',
    tag: 'Contacts',
    summary: 'Replace a contact',
    description: `Omitted fields become null and \`metadata\` is replaced whole. ${unknown}`,
    params: id,
    body: contactBodySchema,
    responses: { 200: { description: 'The contact', schema: contactSchema } },
  },
  {
    method: 'patch',
    path: `${base}/:id`,
    operationId: 'updateContact',
    tag: 'Contacts',
    summary: 'Update some fields of a contact',
    description:
      'Only the fields sent change. `metadata` is a JSON Merge Patch (RFC 7396) at every depth: `{ "company": { "size": 50 } }` keeps `company`’s other keys, `null` deletes a key, `metadata: null` empties it. The merged result must stay within the size limit.',
    params: id,
    body: contactPatchSchema,
    bodyExample: { title: 'CTO', metadata: { company: { industry: 'Software' }, obsolete_key: null } },
    responses: { 200: { description: 'The contact', schema: contactSchema } },
  },
  {
    method: 'delete',
    path: `${base}/:id`,
    operationId: 'deleteContact',
    tag: 'Contacts',
    summary: 'Delete a contact',
    description: 'Its executions are kept (their contact becomes null).',
    params: id,
    responses: { 204: { description: 'Deleted' } },
  },
];
