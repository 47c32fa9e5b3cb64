import { describe, expect, it } from 'vitest';
import {
  isWholeTemplate,
  parseTemplate,
  renderTemplate,
  renderTemplateDetailed,
  type TemplatePart,
  templateReferences,
} from './template';
import { TemplateError } from './template.error';

/** Shorthand for expected parts: strings are text, `[source]` is an expression. */
function shape(parts: TemplatePart[]): (string | [string])[] {
  return parts.map((part) => (part.kind === 'text' ? part.text : [part.source]));
}

function parseError(text: string): TemplateError {
  try {
    parseTemplate(text);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseTemplate', () => {
  const cases: [string, (string | [string])[]][] = [
    ['plain text', ['plain text']],
    ['', []],
    ['{{input.email}}', [['input.email']]],
    ['{{ input.email }}', [[' input.email ']]],
    ['Bearer {{workspace.token}}', ['Bearer ', ['workspace.token']]],
    ['{{a}}{{b}}', [['a'], ['b']]],
    ['{{a}}-{{b}}!', [['a'], '-', ['b'], '!']],
    // `}}` inside string literals, backtick names, regexes and comments does not close the template
    ['{{ "}}" }}', [[' "}}" ']]],
    ["{{ '}}' & x }}", [[" '}}' & x "]]],
    ['{{ "a\\"}}" }}', [[' "a\\"}}" ']]],
    ["{{ 'it\\'s }}' }}", [[" 'it\\'s }}' "]]],
    ['{{ a.`}}`.b }}', [[' a.`}}`.b ']]],
    ['{{ $match(s, /\\}\\}/) }}', [[' $match(s, /\\}\\}/) ']]],
    ['{{ $replace(s, /x{2}/, "}}") }}', [[' $replace(s, /x{2}/, "}}") ']]],
    ['{{ a /* }} */ }}', [[' a /* }} */ ']]],
    // division is not a regex
    ['{{ a / 2 }} and {{ b / 4 }}', [[' a / 2 '], ' and ', [' b / 4 ']]],
    ['{{ (a) / 2 }}/x', [[' (a) / 2 '], '/x']],
    // nested object constructors
    ['{{ {"a": {"b": 1}} }}', [[' {"a": {"b": 1}} ']]],
    ['{{{"a": {"b": 1}}}}', [['{"a": {"b": 1}}']]],
    ['{{ {"a": 1}.a }} left', [[' {"a": 1}.a '], ' left']],
    // text outside templates is literal
    ['a } b }} c { d', ['a } b }} c { d']],
    ['{{ "{{" }}', [[' "{{" ']]],
    ['json: {"x": {{n}}}', ['json: {"x": ', ['n'], '}']],
  ];

  it.each(cases)('%j', (text, expected) => {
    expect(shape(parseTemplate(text))).toEqual(expected);
  });

  it('gives offsets of each source in the original text', () => {
    const text = 'id={{ step_1.id }}&x={{x}}';
    for (const part of parseTemplate(text)) {
      if (part.kind === 'expr') expect(text.slice(part.start, part.end)).toBe(part.source);
    }
    expect(parseTemplate(text)[1]).toMatchObject({ kind: 'expr', start: 5, end: 16 });
  });

  it.each([
    ['{{ input.email', 0, /no closing/],
    ['abc {{ a }} {{ b', 12, /position 12/],
    ['{{ "}} }}', 0, /string literal/],
    ['{{ `name }}', 0, /backtick/],
    ['{{ /abc }}', 0, /regular expression/],
    // JSONata itself cannot end a regex after an unescaped `}`: /}}/ must be written /\}\}/
    ['{{ $match(s, /}}/) }}', 0, /regular expression/],
    ['{{ a /* }}', 0, /comment/],
    ['{{ {"a": 1 }}', 0, /no closing/],
  ])('refuses an unclosed template: %j', (text, position, message) => {
    const err = parseError(text);
    expect(err.code).toBe('unclosed');
    expect(err.position).toBe(position);
    expect(err.message).toMatch(message);
  });

  it.each(['{{}}', '{{ }}', 'x {{\n}} y'])('refuses an empty template: %j', (text) => {
    expect(parseError(text).code).toBe('empty');
  });

  it('scans long input in linear time', () => {
    const started = Date.now();
    const text = `{{ /${'\\'.repeat(200_000)}/ }}`;
    expect(() => parseTemplate(text)).not.toThrow(RangeError);
    parseTemplate(`${'{{a}} '.repeat(20_000)}`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('isWholeTemplate', () => {
  it.each([
    ['{{ x }}', true],
    ['{{x}}', true],
    [' {{x}}', false],
    ['{{x}} ', false],
    ['{{a}}{{b}}', false],
    ['x', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isWholeTemplate(parseTemplate(text))).toBe(expected);
  });
});

describe('templateReferences', () => {
  it('collects the paths of every template', () => {
    expect(templateReferences('Bearer {{workspace.hubspot_token}}')).toEqual([
      ['workspace', 'hubspot_token'],
    ]);
    expect(templateReferences('{{input.a}}/{{ $uppercase(step_1.b) }}/{{input.a}}')).toEqual([
      ['input', 'a'],
      ['step_1', 'b'],
    ]);
    expect(templateReferences('no templates')).toEqual([]);
  });

  it('throws TemplateError for a broken expression', () => {
    expect(() => templateReferences('x {{ a + }}')).toThrow(TemplateError);
  });
});

describe('renderTemplate', () => {
  const scope = {
    input: { email: 'ada@example.com', n: 42, ok: true, obj: { a: 1 }, list: [1, 'b'], nothing: null },
  };

  it.each([
    ['{{input.n}}', 42],
    ['{{ input.ok }}', true],
    ['{{input.obj}}', { a: 1 }],
    ['{{input.list}}', [1, 'b']],
    ['{{input.nothing}}', null],
    ['{{input.missing}}', null],
    ['{{ input.n + 1 }}', 43],
    ['n={{input.n}}', 'n=42'],
    [' {{input.n}}', ' 42'],
    ['plain', 'plain'],
  ])('typed %j → %j', async (text, expected) => {
    expect(await renderTemplate(text, scope, { mode: 'typed' })).toEqual(expected);
  });

  it.each([
    ['{{input.email}}', 'ada@example.com'],
    ['{{input.n}}', '42'],
    ['{{input.ok}}', 'true'],
    ['{{input.obj}}', '{"a":1}'],
    ['{{input.list}}', '[1,"b"]'],
    ['{{input.nothing}}', ''],
    ['{{input.missing}}', ''],
    ['<{{ $uppercase(input.email) }}>', '<ADA@EXAMPLE.COM>'],
    ['{{ "}}" & input.n }}', '}}42'],
    ['{{ {"a": {"b": input.n}} }}', '{"a":{"b":42}}'],
  ])('string %j → %j', async (text, expected) => {
    expect(await renderTemplate(text, scope, { mode: 'string' })).toBe(expected);
  });

  it('reports expressions that yielded nothing', async () => {
    const rendered = await renderTemplateDetailed(
      '{{ input.n }}/{{ input.missing }}/{{input.nothing}}',
      scope,
      {
        mode: 'string',
      },
    );
    expect(rendered).toEqual({ value: '42//', missing: ['input.missing', 'input.nothing'] });
    expect(await renderTemplateDetailed('{{input.missing}}', scope, { mode: 'typed' })).toEqual({
      value: null,
      missing: ['input.missing'],
    });
  });

  it('passes bindings', async () => {
    expect(await renderTemplate('{{ $status }}', {}, { mode: 'typed', bindings: { status: 201 } })).toBe(201);
  });

  it('names the expression and field when one fails', async () => {
    const err = await renderTemplate('x {{ input.n + "a" }}', scope, {
      mode: 'string',
      path: 'headers[0].value',
    }).then(
      () => undefined,
      (e: unknown) => e as TemplateError,
    );
    expect(err).toBeInstanceOf(TemplateError);
    expect(err).toMatchObject({
      code: 'expression',
      expressionCode: 'evaluation',
      path: 'headers[0].value',
      expression: 'input.n + "a"',
    });
    expect(err?.message).toMatch(/^headers\[0\]\.value: The expression \{\{ input\.n \+ "a" \}\} failed/);
    expect(err?.position).toBe(4 + ' input.n +'.length);
  });

  it('reports syntax errors inside templates with their position in the text', async () => {
    const err = await renderTemplate('abc {{ foo( }}', {}, { mode: 'string' }).catch(
      (e: unknown) => e as TemplateError,
    );
    expect(err).toMatchObject({ code: 'expression', expressionCode: 'syntax' });
    expect((err as TemplateError).position).toBeGreaterThanOrEqual(6);
  });

  it('refuses an unclosed template with the field path', async () => {
    await expect(renderTemplate('{{ a', {}, { mode: 'string', path: 'url' })).rejects.toMatchObject({
      code: 'unclosed',
      path: 'url',
    });
  });
});
