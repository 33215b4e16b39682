import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAnswers, visibleQuestions } from './answers.ts';
import { allQuestions } from './definition.schema.ts';
import { checkDefinitionFiles, DefinitionLoadError, loadDefinitions } from './load-definitions.ts';

const fixtures = fileURLToPath(new URL('../test-fixtures/load/', import.meta.url));
const relative = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');

describe('loadDefinitions on the real folder', () => {
  const loaded = loadDefinitions();
  const sipas = loaded.find((l) => l.definition.key === 'sipas-2017' && l.definition.version === 1);
  if (!sipas) throw new Error('sipas-2017 v1 did not load');
  const { definition } = sipas;

  it('loads sipas-2017 v1 from its file', () => {
    expect(sipas.file.endsWith(path.join('definitions', 'sipas-2017', 'v1.json'))).toBe(true);
    expect(definition.status).toBe('published');
  });

  it('hashes the file bytes with sha256', () => {
    expect(sipas.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sipas.hash).toBe(createHash('sha256').update(readFileSync(sipas.file)).digest('hex'));
  });

  // domain.md: 5 factors, 22 criteria, reconstructed split 4+5+6+3+4.
  it.each([
    ['access', 4],
    ['procedure', 5],
    ['staff', 6],
    ['result', 3],
    ['feedback', 4],
  ])('component %s has %i criteria', (id, count) => {
    expect(definition.scoring.components.find((c) => c.id === id)?.criteria).toHaveLength(count);
  });

  it('has 5 components and 22 distinct satisfaction5 criteria that allow "na"', () => {
    expect(definition.scoring.components).toHaveLength(5);
    const criteria = definition.scoring.components.flatMap((c) => c.criteria);
    expect(new Set(criteria).size).toBe(22);
    const byId = new Map(allQuestions(definition).map(({ question }) => [question.id, question]));
    for (const id of criteria) {
      expect(byId.get(id)).toMatchObject({ type: 'satisfaction5', allowNotApplicable: true });
    }
  });

  it('asks feedback_given first', () => {
    expect(allQuestions(definition)[0]?.question).toMatchObject({ id: 'feedback_given', type: 'yesNo' });
  });

  it('marks the criteria split as unconfirmed', () => {
    expect(definition.scoring.provenance.unconfirmed?.some((u) => u.includes('4+5+6+3+4'))).toBe(true);
  });

  const ratings = (ids: string[], value: number | 'na') => Object.fromEntries(ids.map((id) => [id, value]));
  const components = Object.fromEntries(definition.scoring.components.map((c) => [c.id, c.criteria]));
  const notFeedback = ['access', 'procedure', 'staff', 'result'].flatMap((id) => components[id] ?? []);
  const feedback = components.feedback ?? [];

  it.each([
    ['without feedback', { feedback_given: false, ...ratings(notFeedback, 4), improvement_priorities: ['staff'] }],
    [
      'with feedback and demographics',
      {
        feedback_given: true, ...ratings(notFeedback, 'na'), ...ratings(feedback, 2), improvement_priorities: ['access', 'feedback'],
        gender: 'female', age_band: 'over_60', education: 'university', comment: 'Cảm ơn',
      },
    ],
  ])('accepts a complete submission %s', (_name, answers) => {
    expect(checkAnswers(definition, answers).ok).toBe(true);
  });

  it('hides the feedback criteria when no feedback was given', () => {
    const answers = { feedback_given: false, ...ratings(notFeedback, 5), ...ratings(feedback, 5), improvement_priorities: ['result'] };
    expect(checkAnswers(definition, answers)).toEqual({
      ok: false,
      issues: feedback.map((id) => ({
        path: `answers.${id}`,
        message: 'question is hidden by its condition (feedback_given)',
      })),
    });
  });
});

describe('sipas-2023-services v1 (QĐ 1001/QĐ-BNV, administrative-services block)', () => {
  const loaded = loadDefinitions().find((l) => l.definition.key === 'sipas-2023-services' && l.definition.version === 1);
  if (!loaded) throw new Error('sipas-2023-services v1 did not load');
  const { definition } = loaded;

  it('loads from its file as published', () => {
    expect(loaded.file.endsWith(path.join('definitions', 'sipas-2023-services', 'v1.json'))).toBe(true);
    expect(definition.status).toBe('published');
  });

  // domain.md: 5 sub-dimensions, 16 items (3+4+3+3+3).
  it('has 5 components of 3/4/3/3/3 = 16 distinct satisfaction5 criteria that allow "na"', () => {
    expect(definition.scoring.components.map((c) => [c.id, c.criteria.length])).toEqual([
      ['access', 3],
      ['procedure', 4],
      ['staff', 3],
      ['result', 3],
      ['feedback', 3],
    ]);
    const criteria = definition.scoring.components.flatMap((c) => c.criteria);
    expect(new Set(criteria).size).toBe(16);
    const byId = new Map(allQuestions(definition).map(({ question }) => [question.id, question]));
    for (const id of criteria) {
      expect(byId.get(id)).toMatchObject({ type: 'satisfaction5', allowNotApplicable: true });
    }
  });

  it('shows the feedback section only when feedback_given is true', () => {
    const feedbackIds = definition.sections.find((s) => s.id === 'feedback')?.questions.map((q) => q.id) ?? [];
    expect(feedbackIds).toHaveLength(3);
    const visibleIds = (feedback_given: boolean) =>
      visibleQuestions(definition, { feedback_given }).map(({ question }) => question.id);
    expect(visibleIds(false).filter((id) => feedbackIds.includes(id))).toEqual([]);
    expect(visibleIds(true)).toEqual(expect.arrayContaining(feedbackIds));
    expect(visibleIds(false)).toHaveLength(allQuestions(definition).length - 3);
  });

  it('accepts a complete submission without feedback', () => {
    const answers: Record<string, unknown> = { feedback_given: false };
    for (const { question } of visibleQuestions(definition, answers as { feedback_given: boolean })) {
      if (question.type === 'satisfaction5') answers[question.id] = 4;
      if (question.type === 'scale4') answers[question.id] = 3;
      if (question.type === 'singleChoice') answers[question.id] = question.options[0]?.code;
    }
    expect(checkAnswers(definition, answers).ok).toBe(true);
  });
});

describe('loadDefinitions on fixture folders', () => {
  it('sorts by key, then numeric version', () => {
    const loaded = loadDefinitions(path.join(fixtures, 'valid'));
    expect(loaded.map((l) => `${l.definition.key}@${l.definition.version}`)).toEqual(['fixture@1', 'fixture@2', 'fixture@10']);
  });

  it.each([
    ['misnamed', [
      ['other-key/v2.json', 'key', '"fixture" does not match the folder name "other-key"'],
      ['other-key/v2.json', 'version', '1 does not match the file name "v2.json"'],
    ]],
    ['bad-json', [
      ['fixture/v1.json', '(file)', expect.stringMatching(/^invalid JSON: /)],
    ]],
    // README.md is ignored; JSON files outside <key>/v<version>.json are reported.
    ['stray', [
      ['fixture/draft.json', '(file)', 'not a definition file: expected <key>/v<version>.json'],
      ['loose.json', '(file)', 'not a definition file: expected <key>/v<version>.json'],
    ]],
  ] as const)('%s: throws naming each file and path', (folder, expected) => {
    const dir = path.join(fixtures, folder);
    let error: unknown;
    try {
      loadDefinitions(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DefinitionLoadError);
    const problems = (error as DefinitionLoadError).problems.map((p) => [relative(dir, p.file), p.path, p.message]);
    expect(problems).toEqual(expected);
    expect((error as Error).message).toContain(`${folder}/${expected[0][0]}: ${expected[0][1]}: `);
  });

  it('checkDefinitionFiles reports good files next to bad ones', () => {
    const dir = path.join(fixtures, 'stray');
    const files = checkDefinitionFiles(dir).map((f) => [relative(dir, f.file), f.problems.length, f.definition?.key]);
    expect(files).toEqual([
      ['fixture/draft.json', 1, undefined],
      ['fixture/v1.json', 0, 'fixture'],
      ['loose.json', 1, undefined],
    ]);
  });
});
