import { describe, expect, it } from 'vitest';
import { classifyUrlTemplates, type UrlZone } from './interpolate-url';
import { parseTemplate } from './template';

describe('classifyUrlTemplates', () => {
  it.each<[string, UrlZone[]]>([
    ['https://x.test/a/{{id}}', ['path']],
    ['https://x.test/{{a}}/{{b}}?q={{c}}&r={{d}}#{{e}}', ['path', 'path', 'query', 'query', 'fragment']],
    ['https://x.test?{{q}}', ['query']],
    ['https://x.test/p#{{f}}?{{g}}', ['fragment', 'fragment']],
    ['{{base}}/x/{{id}}', ['origin', 'path']],
    ['{{base}}', ['origin']],
    ['{{base}}{{rest}}', ['origin', 'origin']],
    ['https://{{sub}}.x.test/{{id}}', ['origin', 'path']],
    ['https://x.test{{path}}', ['origin']],
    ['https://x.test:{{port}}/a', ['origin']],
    ['{{scheme}}://{{host}}/{{id}}', ['origin', 'origin', 'path']],
    ['https://x.test/a-{{id}}.json', ['path']],
  ])('%s', (url, zones) => {
    expect(classifyUrlTemplates(parseTemplate(url))).toEqual(zones);
  });
});
