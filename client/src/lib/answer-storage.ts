// Saves a respondent's unfinished answers per survey + unit, so that a reload or a dropped
// connection does not lose them. Cleared once the server has accepted the response.

export type StoredAnswerValue = number | string | boolean | string[];
export type StoredAnswers = Record<string, StoredAnswerValue>;

export type SavedProgress = {
  /** The survey version the answers were given for; answers of another version are discarded. */
  version: number;
  answers: StoredAnswers;
  /** The section the respondent was on. */
  sectionId: string | null;
  /** Kept so that a submission retried after a reload carries the same id (the server deduplicates). */
  responseId: string | null;
  savedAt: string;
};

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'sipas.progress.v1';

export function progressKey(survey: string, unit: string): string {
  return `${PREFIX}:${survey}:${unit}`;
}

function isAnswerValue(value: unknown): value is StoredAnswerValue {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Keeps only well-formed answer values; anything else (tampered or old format) is dropped. */
export function sanitizeAnswers(raw: unknown): StoredAnswers {
  const answers: StoredAnswers = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return answers;
  for (const [id, value] of Object.entries(raw)) {
    if (isAnswerValue(value)) answers[id] = value;
  }
  return answers;
}

export function loadProgress(
  storage: KeyValueStorage | null,
  survey: string,
  unit: string,
  version: number,
): SavedProgress | null {
  if (!storage) return null;
  let raw: unknown;
  try {
    const text = storage.getItem(progressKey(survey, unit));
    if (text === null) return null;
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  if (record.version !== version) return null;
  return {
    version,
    answers: sanitizeAnswers(record.answers),
    sectionId: typeof record.sectionId === 'string' ? record.sectionId : null,
    responseId: typeof record.responseId === 'string' ? record.responseId : null,
    savedAt: typeof record.savedAt === 'string' ? record.savedAt : '',
  };
}

/** Returns false when the storage refused (private mode, quota); the questionnaire still works. */
export function saveProgress(
  storage: KeyValueStorage | null,
  survey: string,
  unit: string,
  progress: Omit<SavedProgress, 'savedAt'>,
  now: Date = new Date(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(progressKey(survey, unit), JSON.stringify({ ...progress, savedAt: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearProgress(storage: KeyValueStorage | null, survey: string, unit: string): void {
  try {
    storage?.removeItem(progressKey(survey, unit));
  } catch {
    // Nothing to do: a stale entry is discarded by its version check or overwritten next time.
  }
}

export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
