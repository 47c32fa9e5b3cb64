/**
 * Splits a shell command line into words as a POSIX shell would, for pasted cURL commands: single quotes
 * are literal, double quotes honour `\"` `\\` `\$` and `` \` ``, `$'…'` understands C escapes, a backslash
 * outside quotes escapes the next character, and line continuations (`\` at the end of a line, or `^` as
 * Windows' cmd writes them) join lines. No variables, globs or substitutions are expanded.
 *
 * Written by hand rather than taken from a package: the well-kept converters (curlconverter) pull in a
 * tree-sitter WebAssembly parser, far more than these 100 lines, and shell-quote does not handle `$'…'`.
 */
export class CurlSyntaxError extends Error {}

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

export function tokenizeShell(input: string): string[] {
  // Line continuations: backslash or caret right before the end of a line.
  const text = input.replace(/\\\r?\n/g, '').replace(/\^\r?\n/g, '');
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      push();
      i++;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new CurlSyntaxError('A single quote is never closed.');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '$' && text[i + 1] === "'") {
      i += 2;
      inWord = true;
      for (;;) {
        if (i >= text.length) throw new CurlSyntaxError("A $'…' string is never closed.");
        const c = text[i] as string;
        if (c === "'") {
          i++;
          break;
        }
        if (c === '\\') {
          const next = text[i + 1] ?? '';
          if (next === 'x') {
            const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))?.[0] ?? '';
            word += String.fromCharCode(Number.parseInt(hex || '0', 16));
            i += 2 + hex.length;
          } else if (next === 'u') {
            const hex = /^[0-9a-fA-F]{1,4}/.exec(text.slice(i + 2))?.[0] ?? '';
            word += String.fromCharCode(Number.parseInt(hex || '0', 16));
            i += 2 + hex.length;
          } else {
            word += C_ESCAPES[next] ?? `\\${next}`;
            i += 2;
          }
          continue;
        }
        word += c;
        i++;
      }
    } else if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= text.length) throw new CurlSyntaxError('A double quote is never closed.');
        const c = text[i] as string;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && ['"', '\\', '$', '`', '\n'].includes(text[i + 1] ?? '')) {
          word += text[i + 1] === '\n' ? '' : text[i + 1];
          i += 2;
          continue;
        }
        word += c;
        i++;
      }
    } else if (ch === '\\') {
      word += text[i + 1] ?? '';
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  push();
  return words;
}
