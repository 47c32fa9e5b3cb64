/** A JSON answer as the API gives it, for tests that stand in for the API with a stubbed `fetch`. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** One request a test's stubbed API received, to assert what the page sent. */
export type Call = { method: string; path: string; body: unknown };
