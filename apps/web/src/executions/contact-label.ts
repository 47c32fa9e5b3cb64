import type { Execution } from '../api/executions.api';
import { contactName } from '../contacts/contact-name';

/** Who a run was for, in a few words: the contact's name, else its e-mail. */
export function contactLabel(execution: Pick<Execution, 'contact' | 'contact_id'>): string {
  const c = execution.contact;
  if (!c) return execution.contact_id ? 'Deleted contact' : 'No contact';
  const name = contactName(c);
  return name || c.email || 'Contact';
}
