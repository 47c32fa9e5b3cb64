import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CannotOpen, PageLoading } from './page-state';
import { useLoad } from './use-load';

/** A page shaped like the flow and connector pages: spinner, then the thing or why it failed. */
function Page({ read }: { read: () => Promise<string> }) {
  const stable = useCallback(() => read(), [read]);
  const { value, error, reload } = useLoad(stable);
  if (error) {
    return (
      <CannotOpen
        title="This thing cannot be opened"
        back={{ to: '/things', label: 'Back to Things' }}
        onRetry={() => void reload()}
      >
        {error}
      </CannotOpen>
    );
  }
  if (value === null) return <PageLoading>Opening thing…</PageLoading>;
  return <p>Opened {value}</p>;
}

const fn = () => 'called';

/** Reads a function: the hook must keep it as the value. */
function FnPage() {
  const read = useCallback(async () => fn, []);
  const { value } = useLoad(read);
  return <p>{value === fn ? 'kept' : 'waiting'}</p>;
}

describe('useLoad with the page states', () => {
  it('shows the spinner, then the failure with "Try again", and the value once a new read succeeds', async () => {
    let calls = 0;
    let answer: (v: string) => void = () => {};
    const read = () => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error('The flow is gone'));
      return new Promise<string>((resolve) => {
        answer = resolve;
      });
    };
    render(
      <MemoryRouter>
        <Page read={read} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('status').textContent).toContain('Opening thing…');

    const failed = await screen.findByRole('region', { name: 'This thing cannot be opened' });
    expect(failed.textContent).toContain('The flow is gone');
    expect(screen.getByRole('link', { name: 'Back to Things' }).getAttribute('href')).toBe('/things');

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // Reading again clears the error first: the spinner is back while the second read is out.
    expect(screen.getByRole('status').textContent).toContain('Opening thing…');
    expect(screen.queryByRole('region')).toBeNull();
    answer('flow 7');
    expect(await screen.findByText('Opened flow 7')).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('keeps a value that is itself a function instead of calling it', async () => {
    render(<FnPage />);
    expect(await screen.findByText('kept')).toBeTruthy();
  });
});
