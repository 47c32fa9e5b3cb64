import { describe, expect, it } from 'vitest';
import type { NodeScope } from './node-scope';
import { checkReference, highlightTemplate } from './reference-check';
import { applySuggestion, filterSuggestions, findTrigger, scopeSuggestions } from './template-suggestions';

const scope: NodeScope = {
  nodeId: 'step_3',
  secrets: true,
  inputs: [{ name: 'email', type: 'string', required: true }],
  credentials: [{ service_name: 'hubspot', fields: ['token'] }],
  incoming: [{ edgeId: 'e2', source: 'step_2', sourceName: 'Get contact', names: ['companyId'] }],
  nodeIds: new Set(['step_1', 'step_2', 'step_3']),
};

describe('suggestions', () => {
  it('lists carried values, inputs, credentials and the contact', () => {
    const labels = scopeSuggestions(scope).map((s) => s.label);
    expect(labels.slice(0, 3)).toEqual(['step_2.companyId', 'input.email', 'credentials.hubspot.token']);
    expect(labels).toContain('contact.email');
  });

  it('offers no secrets outside http nodes', () => {
    expect(scopeSuggestions({ ...scope, secrets: false }).some((s) => s.kind === 'credential')).toBe(false);
  });

  it.each([
    // [text with | as caret, mode, expected query or null]
    ['https://x/{{|', 'template', ''],
    ['https://x/{{ inp|', 'template', 'inp'],
    ['{{step_2.comp|', 'template', 'step_2.comp'],
    ['{{ a }} and |', 'template', null],
    ['plain text|', 'template', null],
    ['{{ $uppercase(inp|', 'template', 'inp'],
    ['{{ x.inp|', 'template', 'x.inp'],
    ['{{ ($x).inp|', 'template', null],
    ['$exists(step_|', 'jsonata', 'step_'],
    ['"inp|', 'jsonata', null],
    ['$uppe|', 'jsonata', null],
  ] as const)('finds what to complete in %s (%s)', (marked, mode, query) => {
    const caret = marked.indexOf('|');
    const text = marked.replace('|', '');
    const trigger = findTrigger(text, caret, mode);
    expect(trigger?.query ?? null).toBe(query);
  });

  it('filters by prefix first, then by substring', () => {
    const found = filterSuggestions(scopeSuggestions(scope), 'em').map((s) => s.label);
    expect(found).toEqual(['input.email', 'contact.email']);
  });

  it('inserts the suggestion and closes the template', () => {
    const text = 'https://x/{{ inp';
    const trigger = findTrigger(text, text.length, 'template');
    if (!trigger) throw new Error('no trigger');
    const applied = applySuggestion(
      text,
      trigger,
      text.length,
      { label: 'input.email', detail: '', kind: 'input' },
      'template',
    );
    expect(applied).toEqual({ text: 'https://x/{{ input.email}}', caret: 26 });
  });

  it('does not close a template that is already closed', () => {
    const text = '{{ inp }}/x';
    const trigger = findTrigger(text, 6, 'template');
    if (!trigger) throw new Error('no trigger');
    const applied = applySuggestion(
      text,
      trigger,
      6,
      { label: 'input.email', detail: '', kind: 'input' },
      'template',
    );
    expect(applied.text).toBe('{{ input.email }}/x');
  });
});

describe('reference check', () => {
  it.each([
    [['input', 'email'], true],
    [['input', 'phone'], false],
    [['step_2', 'companyId'], true],
    [['step_2', 'other'], false],
    [['credentials', 'hubspot', 'token'], true],
    [['credentials', 'stripe', 'key'], false],
    [['contact', 'email'], true],
    [['nope', 'x'], false],
  ])('%j is readable: %s', (path, ok) => {
    expect(checkReference(path, scope).ok).toBe(ok);
  });

  it('offers to connect a node that exists but has no edge in', () => {
    expect(checkReference(['step_1', 'contactId'], scope)).toMatchObject({ ok: false, connect: 'step_1' });
  });

  it('marks the unreadable template and leaves the good one', () => {
    const segments = highlightTemplate('https://x/{{step_1.id}}/{{input.email}}', scope);
    expect(segments.map((s) => [s.text, s.kind, Boolean(s.problem)])).toEqual([
      ['https://x/', 'text', false],
      ['{{step_1.id}}', 'expr', true],
      ['/', 'text', false],
      ['{{input.email}}', 'expr', false],
    ]);
  });

  it('marks a syntax error', () => {
    expect(highlightTemplate('{{ a + }}', scope)[0]?.problem).toBeTruthy();
    expect(highlightTemplate('{{ unclosed', scope)[0]?.problem).toMatch(/not closed/);
  });
});
