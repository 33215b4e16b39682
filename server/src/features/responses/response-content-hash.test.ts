import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../canonical-json.ts';
import { canonicalText, responseContentHash, type ResponseContent } from './response-content-hash.ts';

// The stored content hashes were made as sha256(canonicalJson(content)): every case must give the same text.
describe('canonicalText writes what canonicalJson writes', () => {
  it.each<[string, unknown]>([
    ['a primitive', 'Ý kiến "trích dẫn" \\ \n'],
    ['a function member is left out', { a: 1, f: () => 1 }],
    ['null', null],
    ['nested objects, keys out of order', { b: { d: 1, c: [true, { z: null, a: 'x' }] }, a: 2.5 }],
    ['undefined members are left out', { a: undefined, b: 1, c: undefined }],
    ['undefined in an array becomes null', [1, undefined, 'x']],
    ['integer-like keys first, in numeric order', { b: 1, 10: 'ten', a: 2, 9: 'nine', '01': 'not an index', 0: 'zero' }],
    ['the largest array index, and one past it', { x: 1, 4294967294: 'last index', 4294967295: 'not an index' }],
    ['upper case sorts before lower case (code units)', { b: 1, B: 2, á: 3, a: 4 }],
    ['empty containers', { a: {}, b: [] }],
    ['numbers JSON cannot hold', [Number.NaN, Infinity, -0]],
    ['a Date (an object without own keys)', { at: new Date(0) }],
    ['a "__proto__" member', JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}')],
  ])('%s', (_name, value) => {
    expect(canonicalText(value)).toBe(canonicalJson(value));
  });
});

describe('responseContentHash', () => {
  const content: ResponseContent = {
    survey: 'sipas-2017',
    version: 1,
    unit: '31120',
    channel: 'web',
    locale: 'vi',
    answers: { staff_polite: 4, improvement_priorities: ['access', 'staff'], feedback_given: false, comment: 'Tốt' },
  };
  it.each<[string, ResponseContent]>([
    ['a web response', content],
    ['a receipt response with its procedure', { ...content, channel: 'counter', procedure: '1.001193', fromReceipt: true }],
    ['absent optional fields, written as undefined', { ...content, procedure: undefined, fromReceipt: undefined }],
  ])('is sha256 of canonicalJson: %s', (_name, value) => {
    expect(responseContentHash(value)).toBe(createHash('sha256').update(canonicalJson(value)).digest('hex'));
  });

  it('a hash stored before this module existed still matches (hand-checked value)', () => {
    // sha256 of {"answers":{"a":1},"channel":"web","locale":"vi","survey":"s","unit":"92","version":1}
    expect(responseContentHash({ survey: 's', version: 1, unit: '92', channel: 'web', locale: 'vi', answers: { a: 1 } })).toBe(
      createHash('sha256').update('{"answers":{"a":1},"channel":"web","locale":"vi","survey":"s","unit":"92","version":1}').digest('hex'),
    );
  });
});
