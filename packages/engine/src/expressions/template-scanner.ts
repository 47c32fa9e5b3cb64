/** Where and why the scan for a template's closing `}}` gave up. */
export interface UnclosedTemplate {
  /** What was left open: the template itself, or something inside it that swallowed the `}}`. */
  what: 'template' | 'string' | 'name' | 'regex' | 'comment';
  /** Offset where that thing opened. */
  at: number;
}

/** `and`, `or` and `in` are operators spelled as words: a `/` after them starts a regex, not a division. */
const WORD_OPERATORS = new Set(['and', 'or', 'in']);

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) > 0x7f;
}

/**
 * Finds the `}}` that closes a template whose expression starts at `from`, reading the text as JSONata
 * tokens would: `}}` inside a string literal, a backtick name, a regex literal or a comment does not
 * count, and neither does a `}` that closes an object constructor opened inside the template. Returns
 * the offset of the closing `}}`, or what was left unclosed.
 */
export function findTemplateEnd(text: string, from: number): number | UnclosedTemplate {
  let depth = 0;
  // Whether the last token ends a value; decides whether `/` is a division or opens a regex, as in JSONata.
  let afterValue = false;
  let i = from;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"' || ch === "'") {
      const end = skipString(text, i);
      if (end < 0) return { what: 'string', at: i };
      i = end;
      afterValue = true;
    } else if (ch === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) return { what: 'name', at: i };
      i = close + 1;
      afterValue = true;
    } else if (ch === '/' && text.charAt(i + 1) === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return { what: 'comment', at: i };
      i = close + 2;
    } else if (ch === '/' && !afterValue) {
      const end = skipRegex(text, i);
      if (end < 0) return { what: 'regex', at: i };
      i = end;
      afterValue = true;
    } else if (ch === '{') {
      depth++;
      i++;
      afterValue = false;
    } else if (ch === '}') {
      if (depth === 0 && text.charAt(i + 1) === '}') return i;
      // A stray `}` at depth 0 is a JSONata syntax error, reported when the expression is compiled.
      if (depth > 0) depth--;
      i++;
      afterValue = true;
    } else if (ch === ')' || ch === ']') {
      i++;
      afterValue = true;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (isWordChar(ch)) {
      const start = i;
      while (i < text.length && isWordChar(text.charAt(i))) i++;
      afterValue = !WORD_OPERATORS.has(text.slice(start, i));
    } else {
      i++;
      afterValue = false;
    }
  }
  return { what: 'template', at: from };
}

/** Offset just past a '…' or "…" literal starting at `start` (backslash escapes), or -1. */
function skipString(text: string, start: number): number {
  const quote = text.charAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
  }
  return -1;
}

/**
 * Offset just past a `/…/flags` literal starting at `start`, or -1. Mirrors JSONata's own scanner: a `/`
 * closes it only when not escaped and not inside (), [] or {}.
 */
function skipRegex(text: string, start: number): number {
  let depth = 0;
  // How many backslashes directly precede the current character (kept as a count so the scan stays linear).
  let backslashes = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '/' && depth === 0 && backslashes % 2 === 0) {
      let end = i + 1;
      while (text.charAt(end) === 'i' || text.charAt(end) === 'm') end++;
      return end;
    }
    if ((ch === '(' || ch === '[' || ch === '{') && backslashes === 0) depth++;
    if ((ch === ')' || ch === ']' || ch === '}') && backslashes === 0) depth--;
    backslashes = ch === '\\' ? backslashes + 1 : 0;
  }
  return -1;
}
