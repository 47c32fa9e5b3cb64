import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CredentialDialog } from './credential-dialog';

describe('add credential dialog', () => {
  it('says in words why a service name is refused, tied to the field', async () => {
    render(<CredentialDialog onClose={vi.fn()} onSaved={vi.fn()} />);
    const service = screen.getByLabelText('Service');
    expect(service.getAttribute('aria-invalid')).toBe('false');
    expect(document.querySelector('.field-error')).toBeNull();

    await userEvent.type(service, 'hub-spot');
    expect(service.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById('cred-service-error');
    expect(error?.textContent).toBe('“hub-spot” contains “-”; use only letters, digits and _.');
    expect(service.getAttribute('aria-describedby')?.split(' ')).toContain('cred-service-error');
    expect(screen.getByRole('button', { name: 'Save credential' })).toHaveProperty('disabled', true);

    await userEvent.clear(service);
    await userEvent.type(service, '1hub');
    expect(document.getElementById('cred-service-error')?.textContent).toMatch(/starts with a digit/);

    await userEvent.clear(service);
    await userEvent.type(service, 'hubspot');
    expect(service.getAttribute('aria-invalid')).toBe('false');
    expect(document.getElementById('cred-service-error')).toBeNull();
    expect(service.getAttribute('aria-describedby')).toBe('cred-service-hint');
  });

  it('says why a secret field name is refused', async () => {
    render(<CredentialDialog onClose={vi.fn()} onSaved={vi.fn()} />);
    const key = screen.getByLabelText('Field 1 name');
    await userEvent.clear(key);
    await userEvent.type(key, 'api.key');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    const id = key.getAttribute('aria-describedby');
    expect(id && document.getElementById(id)?.textContent).toBe(
      'Field 1: “api.key” contains “.”; use only letters, digits and _.',
    );
  });
});
