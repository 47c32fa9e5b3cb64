import type { MiddlewareHandler } from 'hono';
import { noRoute } from '../errors/api-error';
import { isRoute } from '../openapi/route-table';

/** A route's path as Hono registered it (`/api/v1/connectors/:id`, `:id{[0-9]+}`, or a literal). */
function pathPattern(path: string): RegExp {
  let pattern = '';
  let rest = path;
  const param = /:[A-Za-z_][A-Za-z0-9_]*(\{[^}]*\})?/;
  for (let match = param.exec(rest); match; match = param.exec(rest)) {
    pattern += escapeRegExp(rest.slice(0, match.index));
    pattern += match[1] ? `(?:${match[1].slice(1, -1)})` : '[^/]+';
    rest = rest.slice(match.index + match[0].length);
  }
  return new RegExp(`^${pattern}${escapeRegExp(rest)}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Answers 404 `not_found` for a path no API route serves, before authentication: a mistyped path is
 * "no such route" whether or not the caller signed in, not 401. Only the path is matched, never a
 * resource: `/connectors/<any id>` still goes on to authentication, so nothing about another
 * workspace's ids can be learnt without a session. A known path with a method it does not serve is
 * left to the router (404 once authenticated). `routes()` is read at the first request, when the app
 * is complete (Hono's `app.routes`, middleware entries left out by `isRoute`).
 */
export function knownRoutesOnly(
  routes: () => readonly { method: string; path: string }[],
  prefix: string,
): MiddlewareHandler {
  let patterns: RegExp[] | undefined;
  return async (c, next) => {
    patterns ??= [
      ...new Set(
        routes()
          .filter(isRoute)
          .map((route) => route.path)
          .filter((path) => path.startsWith(prefix)),
      ),
    ].map(pathPattern);
    const path = c.req.path;
    if (!patterns.some((pattern) => pattern.test(path))) {
      throw noRoute(c.req.method, path);
    }
    await next();
  };
}
