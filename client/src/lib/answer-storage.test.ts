import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearProgress,
  loadProgress,
  progressKey,
  sanitizeAnswers,
  saveProgress,
  type KeyValueStorage,
} from './answer-storage.ts';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const failingStorage: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('progressKey', () => {
  it.each([
    ['sipas-2017', '92', 'sipas.progress.v1:sipas-2017:92'],
    ['sipas-2023', '00001', 'sipas.progress.v1:sipas-2023:00001'],
  ])('%s + %s -> %s', (survey, unit, expected) => {
    expect(progressKey(survey, unit)).toBe(expected);
  });

  it('separates units and surveys', () => {
    expect(progressKey('a', '1')).not.toBe(progressKey('a', '2'));
    expect(progressKey('a', '1')).not.toBe(progressKey('b', '1'));
  });
});

describe('sanitizeAnswers', () => {
  it.each([
    [{ q1: 5, q2: 'na', q3: true, q4: ['a', 'b'], q5: 'free text' }, { q1: 5, q2: 'na', q3: true, q4: ['a', 'b'], q5: 'free text' }],
    [{ q1: null, q2: { x: 1 }, q3: [1, 2], q4: Number.NaN, q5: 4 }, { q5: 4 }],
    [null, {}],
    ['string', {}],
    [[1, 2], {}],
  ])('%j -> %j', (raw, expected) => {
    expect(sanitizeAnswers(raw)).toEqual(expected);
  });
});

describe('saveProgress / loadProgress / clearProgress', () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    storage = memoryStorage();
  });

  it('round-trips answers, section and response id', () => {
    const ok = saveProgress(
      storage,
      'sipas-2017',
      '92',
      { version: 1, answers: { q1: 4, q2: ['x'] }, sectionId: 's2', responseId: 'abc' },
      new Date('2025-07-01T00:00:00Z'),
    );
    expect(ok).toBe(true);
    expect(loadProgress(storage, 'sipas-2017', '92', 1)).toEqual({
      version: 1,
      answers: { q1: 4, q2: ['x'] },
      sectionId: 's2',
      responseId: 'abc',
      savedAt: '2025-07-01T00:00:00.000Z',
    });
  });

  it.each([
    ['another unit', 'sipas-2017', '42', 1],
    ['another survey', 'sipas-2023', '92', 1],
    ['another version', 'sipas-2017', '92', 2],
  ])('returns null for %s', (_label, survey, unit, version) => {
    saveProgress(storage, 'sipas-2017', '92', { version: 1, answers: { q1: 4 }, sectionId: null, responseId: null });
    expect(loadProgress(storage, survey, unit, version)).toBeNull();
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['no version', '{"answers":{"q1":4}}'],
    ['version as string', '{"version":"1","answers":{"q1":4}}'],
  ])('returns null for a corrupt entry (%s)', (_label, text) => {
    storage.data.set(progressKey('s', 'u'), text);
    expect(loadProgress(storage, 's', 'u', 1)).toBeNull();
  });

  it('fills defaults for missing optional fields and drops bad answers', () => {
    storage.data.set(progressKey('s', 'u'), '{"version":3,"answers":{"q1":5,"q2":{}}}');
    expect(loadProgress(storage, 's', 'u', 3)).toEqual({
      version: 3,
      answers: { q1: 5 },
      sectionId: null,
      responseId: null,
      savedAt: '',
    });
  });

  it('clears only the given survey + unit', () => {
    saveProgress(storage, 's', '1', { version: 1, answers: {}, sectionId: null, responseId: null });
    saveProgress(storage, 's', '2', { version: 1, answers: {}, sectionId: null, responseId: null });
    clearProgress(storage, 's', '1');
    expect(loadProgress(storage, 's', '1', 1)).toBeNull();
    expect(loadProgress(storage, 's', '2', 1)).not.toBeNull();
  });

  it.each([
    ['no storage', null],
    ['a storage that throws', failingStorage],
  ])('degrades quietly with %s', (_label, broken) => {
    expect(saveProgress(broken, 's', 'u', { version: 1, answers: {}, sectionId: null, responseId: null })).toBe(false);
    expect(loadProgress(broken, 's', 'u', 1)).toBeNull();
    expect(() => clearProgress(broken, 's', 'u')).not.toThrow();
  });
});
