import type { Auth, KeyValue } from '@connectors/engine';
import type { HttpNodeData } from '../graph/engine-types';
import { CurlSyntaxError, tokenizeShell } from './curl-tokenizer';

export interface CurlImport {
  data: HttpNodeData;
  /** What was left out or needs attention (a secret pasted in clear, an option not supported). */
  warnings: string[];
}

const FLAGS = new Set([
  '-s',
  '--silent',
  '-S',
  '--show-error',
  '-L',
  '--location',
  '-k',
  '--insecure',
  '-v',
  '--verbose',
  '-i',
  '--include',
  '--compressed',
  '-f',
  '--fail',
  '-g',
  '--globoff',
  '-N',
  '--no-buffer',
  '--http1.1',
  '--http2',
  '-#',
  '--progress-bar',
]);
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '--cacert',
  '--cert',
  '--key',
  '-c',
  '--cookie-jar',
  '-T',
  '--upload-file',
  '--resolve',
  '-r',
  '--range',
]);
const WITH_VALUE = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '-F',
  '--form',
  '-u',
  '--user',
  '--url',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '--oauth2-bearer',
  ...IGNORED_WITH_VALUE,
]);
const SHORT_WITH_VALUE = new Set([...WITH_VALUE].filter((o) => /^-[A-Za-z]$/.test(o)));

/** Splits `-sSLXPOST` into `-s -S -L -X POST` and `--opt=value` into `--opt value`. */
function normalize(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (/^--[a-z0-9-]+=/.test(word)) {
      const eq = word.indexOf('=');
      out.push(word.slice(0, eq), word.slice(eq + 1));
    } else if (/^-[A-Za-z#]{2,}/.test(word)) {
      for (let i = 1; i < word.length; i++) {
        const option = `-${word[i]}`;
        out.push(option);
        if (SHORT_WITH_VALUE.has(option) && i + 1 < word.length) {
          out.push(word.slice(i + 1));
          break;
        }
      }
    } else out.push(word);
  }
  return out;
}

function decodeBasic(value: string): { username: string; password: string } | null {
  try {
    const text = atob(value.trim());
    const colon = text.indexOf(':');
    return colon < 0 ? null : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return null;
  }
}

function nameFor(method: string, url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return `${method} ${last ?? parsed.hostname}`;
  } catch {
    return `${method} request`;
  }
}

/**
 * Turns a pasted `curl …` command into an http node's data: method, URL (its query string moved into
 * query parameters), headers, body (JSON parsed, form fields split) and auth (Bearer or Basic from the
 * `Authorization` header, `-u`, `--oauth2-bearer`). Throws `CurlSyntaxError` with a message for the user.
 */
export function curlToHttpNode(command: string): CurlImport {
  const words = normalize(tokenizeShell(command.trim()));
  if (!words[0] || !/(^|\/)curl(\.exe)?$/.test(words[0]))
    throw new CurlSyntaxError('Paste a command that starts with curl.');
  const warnings: string[] = [];
  let method: string | undefined;
  let url: string | undefined;
  const headers: KeyValue[] = [];
  const data: string[] = [];
  let json = false;
  let get = false;
  let head = false;
  let auth: Auth | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    const value = () => {
      const next = words[++i];
      if (next === undefined) throw new CurlSyntaxError(`${word} needs a value.`);
      return next;
    };
    if (FLAGS.has(word)) continue;
    if (word === '-G' || word === '--get') get = true;
    else if (word === '-I' || word === '--head') head = true;
    else if (word === '-X' || word === '--request') method = value().toUpperCase();
    else if (word === '-H' || word === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon > 0)
        headers.push({ key: header.slice(0, colon).trim(), value: header.slice(colon + 1).trim() });
    } else if (['-d', '--data', '--data-raw', '--data-binary', '--data-ascii'].includes(word)) {
      const v = value();
      if (v.startsWith('@') && word !== '--data-raw')
        warnings.push(`${v} reads a file, which cannot be imported: paste its content into the body.`);
      else data.push(v);
    } else if (word === '--data-urlencode') {
      const v = value();
      const eq = v.indexOf('=');
      data.push(eq < 0 ? encodeURIComponent(v) : `${v.slice(0, eq)}=${encodeURIComponent(v.slice(eq + 1))}`);
    } else if (word === '--json') {
      data.push(value());
      json = true;
    } else if (word === '-F' || word === '--form') {
      data.push(value());
      warnings.push('Multipart form fields (-F) are sent as a URL-encoded form.');
    } else if (word === '-u' || word === '--user') {
      const v = value();
      const colon = v.indexOf(':');
      auth = {
        type: 'basic',
        username: colon < 0 ? v : v.slice(0, colon),
        password: colon < 0 ? '' : v.slice(colon + 1),
      };
    } else if (word === '--oauth2-bearer') auth = { type: 'bearer', token: value() };
    else if (word === '--url') url = value();
    else if (word === '-A' || word === '--user-agent') headers.push({ key: 'User-Agent', value: value() });
    else if (word === '-e' || word === '--referer') headers.push({ key: 'Referer', value: value() });
    else if (word === '-b' || word === '--cookie') headers.push({ key: 'Cookie', value: value() });
    else if (IGNORED_WITH_VALUE.has(word)) {
      value();
      warnings.push(`${word} has no equivalent in a connector and was left out.`);
    } else if (word.startsWith('-')) warnings.push(`${word} is not supported and was left out.`);
    else if (url === undefined) url = word;
    else warnings.push(`Only one URL is imported; ${word} was left out.`);
  }
  if (!url) throw new CurlSyntaxError('The command has no URL.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `https://${url}`;

  // Authorization headers become the node's auth, so they can point at a stored credential.
  const authIndex = headers.findIndex((h) => h.key.toLowerCase() === 'authorization');
  const authHeader = authIndex >= 0 ? headers[authIndex] : undefined;
  if (authHeader) {
    const [scheme = '', ...rest] = authHeader.value.split(' ');
    const credential = rest.join(' ');
    if (/^bearer$/i.test(scheme) && credential) {
      auth = { type: 'bearer', token: credential };
      headers.splice(authIndex, 1);
    } else if (/^basic$/i.test(scheme) && decodeBasic(credential)) {
      auth = { type: 'basic', ...(decodeBasic(credential) as { username: string; password: string }) };
      headers.splice(authIndex, 1);
    }
  }
  if (auth && auth.type !== 'none' && !JSON.stringify(auth).includes('{{')) {
    warnings.push(
      'The command holds a secret in clear: store it under Credentials and pick it in Auth, so it is not saved in the connector.',
    );
  }

  const body = data.join('&');
  const finalMethod = method ?? (head ? 'HEAD' : data.length && !get ? 'POST' : 'GET');
  // The query string is split off by hand, never re-serialised, so the URL stays as typed ({{ }} included).
  const hash = url.indexOf('#');
  const withoutHash = hash >= 0 ? url.slice(0, hash) : url;
  const question = withoutHash.indexOf('?');
  const target = question >= 0 ? withoutHash.slice(0, question) : withoutHash;
  const queryParams: KeyValue[] = [];
  if (question >= 0)
    for (const [key, v] of new URLSearchParams(withoutHash.slice(question + 1)))
      queryParams.push({ key, value: v });
  if (get && body) for (const [key, v] of new URLSearchParams(body)) queryParams.push({ key, value: v });
  if (!/^https?:\/\/[^/?#\s]+/i.test(target))
    warnings.push('The URL does not look like http(s)://host/…; check it in the node.');

  const result: HttpNodeData = {
    name: nameFor(finalMethod, target),
    method: finalMethod,
    url: target,
    queryParams,
    headers,
  };
  if (auth) result.auth = auth;
  if (body && !get) {
    const contentType =
      headers.find((h) => h.key.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
    let parsedJson: unknown;
    let isJson = false;
    try {
      parsedJson = JSON.parse(body);
      isJson = typeof parsedJson === 'object' && parsedJson !== null;
    } catch {
      isJson = false;
    }
    if (isJson && (json || contentType.includes('json') || contentType === '')) {
      result.bodyType = 'json';
      result.body = parsedJson;
      dropHeader(headers, 'content-type', 'json');
    } else if (
      /^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(body) &&
      !contentType.includes('json') &&
      !contentType.startsWith('text/')
    ) {
      result.bodyType = 'form';
      result.body = Object.fromEntries(new URLSearchParams(body));
      dropHeader(headers, 'content-type', 'x-www-form-urlencoded');
    } else {
      result.bodyType = 'text';
      result.body = body;
    }
  }
  return { data: result, warnings };
}

function dropHeader(headers: KeyValue[], name: string, containing: string) {
  const index = headers.findIndex(
    (h) => h.key.toLowerCase() === name && h.value.toLowerCase().includes(containing),
  );
  if (index >= 0) headers.splice(index, 1);
}
