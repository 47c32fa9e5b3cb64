/** Helpers for the seed conversion tests. Not part of the public API. */
import { convertSeedConnector } from './convert-seed';

/** Converts and fails the test with the problems when conversion does not succeed. */
export function convertOk(body: Parameters<typeof convertSeedConnector>[0]) {
  const result = convertSeedConnector(body);
  if (!result.ok) throw new Error(`conversion failed: ${JSON.stringify(result.problems)}`);
  return result;
}

/** `source→target` → mapping, for asserting edges compactly. */
export const edgeMap = (result: ReturnType<typeof convertOk>) =>
  Object.fromEntries(result.config.edges.map((e) => [`${e.source}→${e.target}`, e.data.mapping]));
