// Adds up vitest's "Tests  N failed | M passed" lines from every package into one closing line.
import { readFileSync } from 'node:fs';

// Colour codes are stripped by splitting on ESC rather than with a control character in a regex.
const ESC = String.fromCharCode(27);
const text = readFileSync(process.argv[2], 'utf8')
  .split(ESC)
  .map((chunk, i) => (i === 0 ? chunk : chunk.replace(/^\[[0-9;]*m/, '')))
  .join('');
let passed = 0;
let failed = 0;
let skipped = 0;
let suites = 0;
for (const line of text.split('\n')) {
  // The browser end-to-end runner closes with its own "N passed, M failed" line.
  const e2e = line.match(/(?:^|:\s+)(\d+) passed, (\d+) failed\s*$/);
  if (e2e) {
    suites++;
    passed += Number(e2e[1]);
    failed += Number(e2e[2]);
    continue;
  }
  const m = line.match(/\bTests\s+(.*)\(\d+\)\s*$/);
  if (!m) continue;
  suites++;
  for (const part of m[1].split('|')) {
    const [, n, kind] = part.trim().match(/^(\d+)\s+(\w+)/) ?? [];
    if (kind === 'passed') passed += Number(n);
    else if (kind === 'failed') failed += Number(n);
    else if (kind === 'skipped' || kind === 'todo') skipped += Number(n);
  }
}
if (suites === 0) {
  console.log('0 passed, 1 failed (no test summary found)');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
