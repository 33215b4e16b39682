import { describe, expect, it } from 'vitest';
import { inBatches, MAX_DOSSIER_REF_LENGTH, parseDossierRefs, type ParsedRefs } from './dossier-refs.ts';

const long = 'x'.repeat(MAX_DOSSIER_REF_LENGTH);

describe('parseDossierRefs', () => {
  it.each<[string, string, ParsedRefs]>([
    ['one reference', '000.00.92.H11-250715-0001', { refs: ['000.00.92.H11-250715-0001'], duplicates: 0, problems: [] }],
    ['empty text', '', { refs: [], duplicates: 0, problems: [] }],
    ['blank lines only', '\n  \n\t\n', { refs: [], duplicates: 0, problems: [] }],
    ['Windows line ends and surrounding spaces', ' A-1 \r\nB-2\r\n\r\n', { refs: ['A-1', 'B-2'], duplicates: 0, problems: [] }],
    ['old Mac line ends', 'A\rB', { refs: ['A', 'B'], duplicates: 0, problems: [] }],
    ['a repeated reference counted once', 'A\nB\nA\nA', { refs: ['A', 'B'], duplicates: 2, problems: [] }],
    // Spelling matters to the dossier tag: different case is a different reference.
    ['case kept as typed', 'h11-1\nH11-1', { refs: ['h11-1', 'H11-1'], duplicates: 0, problems: [] }],
    ['Vietnamese text kept', 'Hồ sơ số 7', { refs: ['Hồ sơ số 7'], duplicates: 0, problems: [] }],
    ['exactly the longest allowed', long, { refs: [long], duplicates: 0, problems: [] }],
    // Line numbers count blank lines, as the text box shows them.
    ['one character too long, on line 3', `A\n\n${long}y`, { refs: ['A'], duplicates: 0, problems: [{ line: 3, kind: 'tooLong' }] }],
    ['two spreadsheet columns', 'A\nB\tBirth registration', { refs: ['A'], duplicates: 0, problems: [{ line: 2, kind: 'control' }] }],
    ['a control character', 'A\u0007B', { refs: [], duplicates: 0, problems: [{ line: 1, kind: 'control' }] }],
  ])('%s', (_, text, expected) => {
    expect(parseDossierRefs(text)).toEqual(expected);
  });
});

describe('inBatches', () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  it.each<[number, number[]]>([
    [0, []],
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])('%i items make batches of %j', (n, sizes) => {
    const batches = inBatches(range(n));
    expect(batches.map((b) => b.length)).toEqual(sizes);
    expect(batches.flat()).toEqual(range(n)); // order kept
  });

  it('takes another size', () => {
    expect(inBatches(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  });
});
