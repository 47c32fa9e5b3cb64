import { isForbiddenHeader } from '../expressions';

/** RFC 7230 `token`: the characters a header name may use. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Checks a literal header name; a templated name (`{{…}}`) is only known at run time. Forbidden names
 * come from the request builder (`isForbiddenHeader`), so the editor refuses exactly what a run would.
 */
export function checkHeaderName(
  name: string,
): { code: 'invalid_header_name' | 'forbidden_header'; message: string } | undefined {
  if (name.includes('{{')) return undefined;
  if (!TOKEN.test(name)) {
    return {
      code: 'invalid_header_name',
      message: `'${name}' is not a valid header name: use letters, digits and - (no spaces or colons), e.g. X-Api-Key.`,
    };
  }
  if (isForbiddenHeader(name)) {
    return {
      code: 'forbidden_header',
      message: `The ${name} header is managed by the HTTP client and cannot be set here: remove it.`,
    };
  }
  return undefined;
}
