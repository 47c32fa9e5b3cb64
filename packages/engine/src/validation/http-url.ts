import { parseTemplate } from '../expressions';

/** A URL problem, relative to the field it was found in. */
export interface UrlIssue {
  code: 'missing_url' | 'invalid_url' | 'invalid_url_scheme';
  message: string;
}

const SCHEME_AND_AUTHORITY = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([/?#])/;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/**
 * Static checks of a request URL (DESIGN §3 Templates). Without templates it must parse as an http(s)
 * URL. With templates, only the literal part before the first `{{` is known: when that part already
 * contains the origin, the origin must be valid; a template at or before the origin
 * (`{{input.base_url}}/x`) is checked at run time, once inserted.
 */
export function checkUrl(url: string, what = 'The URL'): UrlIssue[] {
  if (url.trim() === '') {
    return [
      {
        code: 'missing_url',
        message: `${what} is empty: enter the address to call, e.g. https://api.example.com/v1/items.`,
      },
    ];
  }
  let prefix: string;
  try {
    const parts = parseTemplate(url);
    const firstExpr = parts.findIndex((part) => part.kind === 'expr');
    if (firstExpr === -1) return checkAbsolute(url, what);
    prefix = parts
      .slice(0, firstExpr)
      .map((part) => (part.kind === 'text' ? part.text : ''))
      .join('');
  } catch {
    return []; // A broken template is reported by the syntax check.
  }

  const withOrigin = SCHEME_AND_AUTHORITY.exec(prefix);
  if (withOrigin) return checkAbsolute(`${withOrigin[1]}://${withOrigin[2]}/`, `${what}'s origin`);
  const scheme = SCHEME.exec(prefix);
  if (scheme) return isHttp(scheme[1] ?? '') ? [] : [schemeIssue(what)];
  // A path before any template means the scheme and host were never written.
  if (/[/?#]/.test(prefix)) {
    return [
      {
        code: 'invalid_url',
        message: `${what} must start with http:// or https:// (or with a template that holds the base URL, like {{input.base_url}}/path).`,
      },
    ];
  }
  return [];
}

function checkAbsolute(url: string, what: string): UrlIssue[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [
      {
        code: 'invalid_url',
        message: `${what} is not a valid address: write a full URL like https://api.example.com/v1/items.`,
      },
    ];
  }
  if (!isHttp(parsed.protocol.replace(/:$/, ''))) return [schemeIssue(what)];
  if (parsed.hostname === '') {
    return [
      {
        code: 'invalid_url',
        message: `${what} has no host name: write a full URL like https://api.example.com.`,
      },
    ];
  }
  return [];
}

function isHttp(scheme: string): boolean {
  const lower = scheme.toLowerCase();
  return lower === 'http' || lower === 'https';
}

function schemeIssue(what: string): UrlIssue {
  return { code: 'invalid_url_scheme', message: `${what} must use http:// or https://.` };
}
