import { describe, expect, it } from 'vitest';
import { contactChanges, planContactUpdate } from './contact-update-plan';

const contact = {
  email: 'john@acme.com',
  first_name: null,
  last_name: 'Old',
  phone: '',
  company: null,
  title: null,
  metadata: { company_name: 'Old Co', keep: 1, nested: { a: 1, b: 2 } },
};

const overwrite = (value: unknown) => ({ value, write: 'overwrite' as const });
const ifEmpty = (value: unknown) => ({ value, write: 'if_empty' as const });

describe('planContactUpdate', () => {
  it('writes columns and deep-merges metadata paths', () => {
    const plan = planContactUpdate(contact, {
      first_name: overwrite('John'),
      'metadata.company_name': overwrite('Acme'),
      'metadata.nested.b': overwrite(3),
      'metadata.new.deep.value': overwrite(true),
    });
    expect(plan.columns).toEqual({ first_name: 'John' });
    expect(plan.metadata).toEqual({
      company_name: 'Acme',
      keep: 1,
      nested: { a: 1, b: 3 },
      new: { deep: { value: true } },
    });
  });

  it('honours if_empty for columns and metadata', () => {
    const plan = planContactUpdate(contact, {
      last_name: ifEmpty('New'),
      phone: ifEmpty('+1 555'),
      'metadata.company_name': ifEmpty('Acme'),
      'metadata.industry': ifEmpty('Tech'),
    });
    expect(plan.columns).toEqual({ phone: '+1 555' });
    expect(plan.metadata).toMatchObject({ company_name: 'Old Co', industry: 'Tech' });
  });

  it('keeps unknown names in metadata and stores non-text values of columns as text', () => {
    const plan = planContactUpdate(contact, {
      industry: overwrite('Tech'),
      title: overwrite(42),
      company: overwrite({ name: 'Acme' }),
    });
    expect(plan.columns).toEqual({ title: '42', company: '{"name":"Acme"}' });
    expect(plan.metadata).toMatchObject({ industry: 'Tech', keep: 1 });
  });

  it('merges a whole metadata object and ignores a non-object one', () => {
    expect(planContactUpdate(contact, { metadata: overwrite({ nested: { c: 3 } }) }).metadata).toEqual({
      company_name: 'Old Co',
      keep: 1,
      nested: { a: 1, b: 2, c: 3 },
    });
    expect(planContactUpdate(contact, { metadata: overwrite('x') }).metadata).toBeUndefined();
  });

  it('keeps __proto__ a plain key', () => {
    const plan = planContactUpdate(contact, { 'metadata.__proto__.polluted': overwrite(true) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(plan.metadata!, '__proto__')).toBe(true);
  });

  it('plans nothing for no fields', () => {
    expect(planContactUpdate(contact, {})).toEqual({ columns: {}, metadata: undefined });
  });
});

describe('contactChanges', () => {
  it('lists each changed column and metadata leaf, old → new, and nothing written unchanged', () => {
    const fields = {
      first_name: overwrite('John'),
      last_name: ifEmpty('Kept'),
      email: overwrite('john@acme.com'),
      phone: ifEmpty('+1 555'),
      'metadata.company_name': overwrite('Acme'),
      'metadata.keep': overwrite(1),
      'metadata.nested': overwrite({ b: 3, c: 4 }),
    };
    const changes = contactChanges(contact, planContactUpdate(contact, fields));
    expect(changes).toEqual([
      { field: 'first_name', old: null, new: 'John' },
      { field: 'phone', old: '', new: '+1 555' },
      { field: 'metadata.company_name', old: 'Old Co', new: 'Acme' },
      // A mapping onto `metadata.nested` replaces that object: `a` is gone.
      { field: 'metadata.nested.a', old: 1, new: null },
      { field: 'metadata.nested.b', old: 2, new: 3 },
      { field: 'metadata.nested.c', old: null, new: 4 },
    ]);
  });

  it('is empty when the plan changes nothing', () => {
    const same = planContactUpdate(contact, { last_name: overwrite('Old'), 'metadata.keep': overwrite(1) });
    expect(contactChanges(contact, same)).toEqual([]);
  });
});
