import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from './check-definitions.ts';

// Each fixture is test-fixtures/check/valid.json with one deliberate fault.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../test-fixtures/check/${name}.json`, import.meta.url), 'utf8'));

describe('checkDefinition', () => {
  it('accepts the valid fixture', () => {
    expect(checkDefinition(fixture('valid'))).toEqual([]);
  });

  it.each([
    ['not an object', 'definition', '(root)', 'Invalid input: expected object, received string'],
  ])('rejects %s', (_name, input, path, message) => {
    expect(checkDefinition(input)).toEqual([{ path, message }]);
  });

  it.each([
    // schema
    ['missing-vi', 'title.vi', 'Vietnamese text (vi) is required'],
    ['blank-vi', 'sections.0.questions.2.options.1.label.vi', 'Vietnamese text (vi) is required'],
    ['bad-key', 'key', 'must be kebab-case (e.g. sipas-2017)'],
    ['bad-status', 'status', 'Invalid option: expected one of "draft"|"published"|"retired"'],
    ['locales-without-vi', 'locales', 'must include "vi"'],
    ['bad-question-id', 'sections.0.questions.1.id', 'must be snake_case (e.g. access_seats)'],
    ['unknown-question-type', 'sections.0.questions.0.type', 'must have a known type: satisfaction5, scale4, yesNo, singleChoice, multipleChoice, text, number'],
    ['unknown-field', 'sections.0.questions.1', 'Unrecognized key: "showif"'],
    ['bad-condition-shape', 'sections.1.showIf', 'must be {"question": id, "equals": value} or {"question": id, "oneOf": [values]}'],
    ['scale4-three-labels', 'sections.0.questions.3.labels', 'Too small: expected array to have exactly 4 items'],
    // ids and questions
    ['duplicate-question-id', 'sections.1.questions.0.id', 'duplicate question id "seats"'],
    ['duplicate-section-id', 'sections.1.id', 'duplicate section id "main"'],
    ['duplicate-component-id', 'scoring.components.1.id', 'duplicate component id "all"'],
    ['duplicate-option-code', 'sections.0.questions.2.options.1.code', 'duplicate option code "counter"'],
    ['max-selected-too-large', 'sections.0.questions.2.maxSelected', 'must not exceed the number of options (2)'],
    ['number-min-above-max', 'sections.0.questions.3.min', 'must not exceed max (18)'],
    // conditions
    ['forward-condition', 'sections.0.questions.1.showIf.question', 'must refer to an earlier question'],
    ['unknown-condition-question', 'sections.1.showIf.question', 'unknown question "visits"'],
    ['section-condition-same-section', 'sections.1.showIf.question', 'must refer to a question in an earlier section'],
    ['impossible-condition-value', 'sections.1.showIf.oneOf.1', '"post" is not a possible answer to "channel" (singleChoice)'],
    // scoring
    ['unknown-criterion', 'scoring.components.0.criteria.1', 'unknown question "stafff"'],
    ['criterion-not-satisfaction5', 'scoring.components.0.criteria.2', '"visited" is a yesNo question, not satisfaction5'],
    ['criterion-in-two-components', 'scoring.components.1.criteria.0', '"staff" is already in component "all"'],
    ['duplicate-satisfied-level', 'scoring.satisfiedLevels.2', 'duplicate satisfied level "4"'],
    // locales
    ['missing-en', 'sections.0.questions.1.text.en', 'English text (en) is missing'],
  ])('%s: %s %s', (name, path, message) => {
    expect(checkDefinition(fixture(name))).toContainEqual({ path, message });
  });

  it('does not require en when the locales are vi only', () => {
    const definition = fixture('missing-en') as { locales: string[] };
    expect(checkDefinition({ ...definition, locales: ['vi'] })).toEqual([]);
  });

  it('reports all cross-reference problems together', () => {
    // The renamed question leaves the scoring pointing at a question that no longer exists.
    expect(checkDefinition(fixture('duplicate-question-id'))).toEqual([
      { path: 'sections.1.questions.0.id', message: 'duplicate question id "seats"' },
      { path: 'scoring.components.0.criteria.1', message: 'unknown question "staff"' },
    ]);
  });
});
