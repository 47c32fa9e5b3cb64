import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../test/api-response';
import { ContactPicker } from './contact-picker';

afterEach(() => vi.unstubAllGlobals());

const LONG = 'Maximiliane Alexandrina Konstantinopoulou-Wolkenstein von Hohenberg';

describe('contact picker', () => {
  it('shows the name and the e-mail apart, so a long name can ellipsize and the e-mail stays', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          data: [
            { id: 'c-1', first_name: LONG, last_name: null, email: 'max@example.com' },
            { id: 'c-2', first_name: null, last_name: null, email: 'nobody@example.com' },
            { id: 'c-3', first_name: null, last_name: null, email: null },
          ],
          next_cursor: null,
        }),
      ),
    );
    render(<ContactPicker value={null} onChange={vi.fn()} />);
    const first = await screen.findByRole(
      'radio',
      { name: `${LONG} · max@example.com` },
      { timeout: 3000 }, // the picker waits 200 ms before it searches
    );
    const label = first.closest('label');
    expect(label?.getAttribute('title')).toBe(`${LONG} · max@example.com`);
    expect(label?.querySelector('.contact-picker-name')?.textContent).toBe(LONG);
    expect(label?.querySelector('.contact-picker-email')?.textContent).toBe('· max@example.com');

    const second = screen.getByRole('radio', { name: 'nobody@example.com' }).closest('label');
    expect(second?.querySelector('.contact-picker-name')).toBeNull();
    expect(second?.querySelector('.contact-picker-email')?.textContent).toBe('nobody@example.com');
    expect(screen.getByRole('radio', { name: 'c-3' })).toBeTruthy();
  });
});
