import type { Execution } from '../api/executions.api';

/** Who a run was for, in a few words: the contact's name, else its e-mail. */
export function contactLabel(execution: Pick<Execution, 'contact' | 'contact_id'>): string {
  const c = execution.contact;
  if (!c) return execution.contact_id ? 'Deleted contact' : 'No contact';
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
  return name || c.email || 'Contact';
}
