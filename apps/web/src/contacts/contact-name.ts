/** A contact's name as people write it ("Ada Lovelace"), or '' when it has neither part. */
export function contactName(contact: { first_name: string | null; last_name: string | null }): string {
  return [contact.first_name, contact.last_name].filter(Boolean).join(' ');
}
