/** The seed's connector categories, offered in filters and forms (any other text is kept as is). */
export const CATEGORIES = [
  { value: 'enrichment', label: 'Enrichment' },
  { value: 'crm', label: 'CRM' },
  { value: 'validation', label: 'Validation' },
  { value: 'communication', label: 'Communication' },
  { value: 'location', label: 'Location' },
  { value: 'prospecting', label: 'Prospecting' },
  { value: 'other', label: 'Other' },
] as const;

export function categoryLabel(value: string | null | undefined): string {
  if (!value) return 'Uncategorised';
  return CATEGORIES.find((c) => c.value === value)?.label ?? value;
}
