import type { SurveyDefinition } from '@sipas/survey-definitions/schema';

export interface LoadedDefinition {
  definition: SurveyDefinition;
  file: string;
  hash: string;
}

/** The survey versions this server knows, read once at start; pure lookups afterwards. */
export interface SurveyCatalog {
  all(): LoadedDefinition[];
  get(key: string, version: number): LoadedDefinition | undefined;
  /** The highest published version of a key. */
  latestPublished(key: string): LoadedDefinition | undefined;
}

export function createSurveyCatalog(loaded: LoadedDefinition[]): SurveyCatalog {
  const sorted = [...loaded].sort(
    (a, b) => a.definition.key.localeCompare(b.definition.key) || a.definition.version - b.definition.version,
  );
  return {
    all: () => sorted,
    get: (key, version) => sorted.find((d) => d.definition.key === key && d.definition.version === version),
    latestPublished: (key) =>
      sorted.filter((d) => d.definition.key === key && d.definition.status === 'published').at(-1),
  };
}
