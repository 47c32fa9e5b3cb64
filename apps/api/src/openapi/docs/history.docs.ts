import { contactHistoryPageSchema, contactHistoryQuerySchema } from '../../schemas/contact.schema';
import type { RouteDoc } from '../route-doc';

/** A contact's change history (`contacts.routes.ts`). */
export const historyDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/contacts/:id/history',
    operationId: 'getContactHistory',
    tag: 'Contacts',
    summary: 'List the runs that changed a contact',
    description:
      'Newest first: each connector execution (or flow `update_contact` node, with `execution_id` null) that wrote the contact, and the fields it changed, old → new (`metadata.a.b` for a metadata path). Writes that changed nothing are not listed; edits made through the API are not runs and are not listed.',
    params: { id: 'The contact id (a UUID)' },
    query: contactHistoryQuerySchema,
    responses: { 200: { description: 'A page of changes', schema: contactHistoryPageSchema } },
  },
];
