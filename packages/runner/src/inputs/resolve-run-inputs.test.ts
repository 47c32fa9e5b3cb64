import { describe, expect, it } from 'vitest';
import { resolveRunInputs } from './resolve-run-inputs';

const schema = {
  fields: [
    { name: 'email', type: 'string', required: true },
    { name: 'limit', type: 'number' },
    { name: 'tags', type: 'array' },
    { name: 'domain', type: 'string', required: true, label: 'Company domain' },
  ],
};

describe('resolveRunInputs', () => {
  it('accepts valid inputs and passes undeclared ones through', () => {
    expect(resolveRunInputs(schema, { email: 'a@b.c', domain: 'b.c', limit: 3, extra: true })).toEqual({
      ok: true,
      inputs: { email: 'a@b.c', domain: 'b.c', limit: 3, extra: true },
    });
  });

  it('falls back to the contact column or metadata key of the same name', () => {
    const result = resolveRunInputs(schema, {}, { email: 'john@acme.com', metadata: { domain: 'acme.com' } });
    expect(result).toEqual({ ok: true, inputs: { email: 'john@acme.com', domain: 'acme.com' } });
  });

  it('lists every problem with its path', () => {
    const result = resolveRunInputs(schema, { limit: '3', tags: {} }, { email: null });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'inputs.email', code: 'required', message: 'email is required' },
      { path: 'inputs.limit', code: 'invalid_type', message: 'must be a number, not a string' },
      { path: 'inputs.tags', code: 'invalid_type', message: 'must be an array, not an object' },
      { path: 'inputs.domain', code: 'required', message: 'Company domain is required' },
    ]);
  });

  it('does not fall back to a contact value of the wrong type', () => {
    const result = resolveRunInputs(
      { fields: [{ name: 'limit', type: 'number', required: true }] },
      {},
      { limit: 'x' },
    );
    expect(result.ok).toBe(false);
  });

  it('treats a missing or unreadable schema as declaring nothing', () => {
    expect(resolveRunInputs(null, { a: 1 })).toEqual({ ok: true, inputs: { a: 1 } });
    expect(resolveRunInputs({ fields: 'nope' }, undefined)).toEqual({ ok: true, inputs: {} });
  });
});
