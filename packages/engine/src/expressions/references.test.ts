import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression';

const cases: [source: string, references: string[][]][] = [
  // plain paths
  ['input.email', [['input', 'email']]],
  ['input', [['input']]],
  ['$.input.email', [['input', 'email']]],
  ['$$.input.email', [['input', 'email']]],
  ['a.`weird name`.c', [['a', 'weird name', 'c']]],
  ['"lit"', []],
  ['$', []],
  // function arguments
  ['$uppercase(step_1.contactId)', [['step_1', 'contactId']]],
  [
    '$exists(step_1.contactId) and step_2.ok',
    [
      ['step_1', 'contactId'],
      ['step_2', 'ok'],
    ],
  ],
  ['input.email ~> $lowercase()', [['input', 'email']]],
  ['$sum(items.price)', [['items', 'price']]],
  ['$lookup(input, "email")', [['input']]],
  // filters do not end a path; what they read is relative to the filtered step
  ['results[0].id', [['results', 'id']]],
  ['associations.companies[0].id', [['associations', 'companies', 'id']]],
  [
    'a.b[c > 1].d',
    [
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
    ],
  ],
  // inside a filter, a name is read from each item: `input.min` here is items.input.min
  ['items[$.price > input.min]', [['items', 'price'], ['items', 'input', 'min'], ['items']]],
  [
    'items[$$.input.min < price].name',
    [
      ['input', 'min'],
      ['items', 'price'],
      ['items', 'name'],
    ],
  ],
  // a non-name step ends the path
  ['input.*', [['input']]],
  ['input.**.id', [['input']]],
  [
    'input.(first & " " & last)',
    [
      ['input', 'first'],
      ['input', 'last'],
    ],
  ],
  ['input.$string()', [['input']]],
  ['(input).email', [['input']]],
  [
    'items^(price).name',
    [
      ['items', 'price'],
      ['items', 'name'],
    ],
  ],
  // variables
  ['($c := input.contact; $c.email)', [['input', 'contact', 'email']]],
  ['($c := input.contact; $uppercase($c))', [['input', 'contact']]],
  ['($c := input.items[0]; $c.id)', [['input', 'items', 'id']]],
  ['($n := $count(input.items); $n + 1)', [['input', 'items']]],
  ['($x := 1; $x)', []],
  ['$status = 200 and $headers.location', []],
  [
    '($c := input; ($c := step_1; $c.id); $c.email)',
    [
      ['step_1', 'id'],
      ['input', 'email'],
    ],
  ],
  // functions and lambdas
  [
    '$map(input.items, function($v){ $v.id & step_1.suffix })',
    [
      ['input', 'items'],
      ['step_1', 'suffix'],
    ],
  ],
  ['function($x){ $x.a }(input)', [['input']]],
  ['$filter(items, function($i){ $i.ok })', [['items']]],
  ['($f := function($p){ $p.name & input.sep }; $f(step_2))', [['input', 'sep'], ['step_2']]],
  // conditions, blocks, constructors
  ['a ? b.c : d', [['a'], ['b', 'c'], ['d']]],
  ['x.y ?? z', [['x', 'y'], ['z']]],
  ['{"k": a.b, "n": [c, d.e]}', [['a', 'b'], ['c'], ['d', 'e']]],
  ['{"k": input.name}.k', [['input', 'name']]],
  ['items{type: $sum(price)}', [['items', 'type'], ['items', 'price'], ['items']]],
  ['-input.n', [['input', 'n']]],
  ['[1,2][$ > $$.input.min]', [['input', 'min']]],
  ['[1,2][$ > input.min]', []],
  ['$ ~> | input | {"x": secret} |', []],
  ['"a" & workspace.hubspot_token', [['workspace', 'hubspot_token']]],
  ['credentials.hubspot.api_key', [['credentials', 'hubspot', 'api_key']]],
  ['credentials.`my service`.key', [['credentials', 'my service', 'key']]],
  // tuple bindings
  // `@` binds without moving the context: books is read from library, not from loans
  [
    'library.loans@$l.books[$l.isbn = isbn].title',
    [
      ['library', 'loans', 'isbn'],
      ['library', 'books', 'isbn'],
      ['library', 'books', 'title'],
    ],
  ],
  ['items#$i[$i < 2].name', [['items', 'name']]],
  // duplicates are reported once
  ['input.a & input.a', [['input', 'a']]],
];

describe('references()', () => {
  it.each(cases)('%s', (source, expected) => {
    expect(compileExpression(source).references()).toEqual(expected);
  });

  it('returns a copy each time', () => {
    const expression = compileExpression('input.email');
    expression.references()[0]?.push('mutated');
    expect(expression.references()).toEqual([['input', 'email']]);
  });
});
