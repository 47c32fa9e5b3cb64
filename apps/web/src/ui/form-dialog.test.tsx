import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FormDialog } from './form-dialog';

/** A one-field form like "New flow": fails once with the API's message, then saves. */
function NameDialog({ saved, onClose }: { saved: string[]; onClose: () => void }) {
  const [name, setName] = useState('');
  return (
    <FormDialog
      title="New thing"
      submitLabel="Create thing"
      incomplete={name.trim() === ''}
      onSubmit={async () => {
        if (saved.length === 0) {
          saved.push('failed');
          throw new Error('A thing with this name exists');
        }
        saved.push(name);
      }}
      onClose={onClose}
    >
      <label htmlFor="thing-name">Name</label>
      <input id="thing-name" value={name} onChange={(e) => setName(e.target.value)} />
    </FormDialog>
  );
}

describe('FormDialog', () => {
  it('waits for a complete form, shows a failure above the fields, and saves on the next try', async () => {
    const saved: string[] = [];
    let closed = 0;
    render(<NameDialog saved={saved} onClose={() => closed++} />);
    const submit = screen.getByRole('button', { name: 'Create thing' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    expect(submit.disabled).toBe(false);
    await userEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toBe('A thing with this name exists');
    expect(submit.disabled).toBe(false);

    await userEvent.click(submit);
    expect(saved).toEqual(['failed', 'Acme']);
    // Submitting again clears the old failure; after a save the button keeps waiting (its owner moves on).
    expect(screen.queryByRole('alert')).toBeNull();
    expect(submit.disabled).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(closed).toBe(1);
  });
});
