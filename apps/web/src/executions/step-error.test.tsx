import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StepExecuted } from '../api/executions.api';
import { RunDetails } from '../editor/run/run-details';
import { StepError } from './step-error';
import { StepPanel } from './step-panel';

function failedStep(error: StepExecuted['error']): StepExecuted {
  return {
    step_id: 'step_3',
    step_name: 'Get Company Details',
    step_type: 'http',
    status: 'failed',
    handle: null,
    started_at: '2026-11-26T10:00:00.000Z',
    finished_at: '2026-11-26T10:00:00.004Z',
    duration_ms: 4,
    attempts: [],
    edge_values: {},
    output: null,
    error,
  };
}

describe('a failed step’s error', () => {
  it('reads as the message first; the code is only a small muted label', () => {
    render(
      <StepError
        error={{ message: 'The URL read step_2.url, which is null', code: 'null_value', path: 'data.url' }}
      />,
    );
    const alert = screen.getByRole('alert');
    const lines = [...alert.querySelectorAll('strong, .step-error-meta > *')].map((e) => e.textContent);
    expect(lines).toEqual(['The URL read step_2.url, which is null', 'In the URL', 'null_value']);
    expect(alert.querySelector('strong')?.textContent).toBe('The URL read step_2.url, which is null');
    const code = screen.getByText('null_value');
    expect(code.className).toBe('step-error-code');
    expect(code.getAttribute('title')).toMatch(/Error code/);
    expect(screen.getByText('In the URL').getAttribute('title')).toBe('data.url');
  });

  it('names a header by its name and leaves an unknown path as it is', () => {
    const { rerender } = render(
      <StepError error={{ message: 'm', code: 'template', path: 'data.headers.X-Api-Key' }} />,
    );
    expect(screen.getByText('In header X-Api-Key')).toBeTruthy();
    rerender(<StepError error={{ message: 'm', code: 'template', path: 'data.retry.max' }} />);
    expect(screen.getByText('In data.retry.max')).toBeTruthy();
  });

  it('shows the same way in the run debugger’s step panel and the editor’s last run', () => {
    const step = failedStep({
      message: 'GET http://127.0.0.1:4010/crm/v3/objects/companies-missing/77 answered HTTP 404',
      code: 'http_status',
      status: 404,
    });
    const { unmount } = render(
      <StepPanel step={step} graph={null} stepsById={new Map()} onClose={vi.fn()} />,
    );
    expect(screen.getByRole('alert').querySelector('strong')?.textContent).toBe(step.error?.message);
    expect(screen.getByText('http_status').className).toBe('step-error-code');
    unmount();
    render(<RunDetails step={step} />);
    expect(screen.getByRole('alert').querySelector('strong')?.textContent).toBe(step.error?.message);
    expect(screen.getByText('http_status').className).toBe('step-error-code');
  });
});
