import { randomUUID } from 'node:crypto';
import { loadDefinitions } from '@sipas/survey-definitions/load';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { writeBatch } from '../../server/src/features/responses/response-writer.ts';
import { answerAll } from '../support/answers.ts';

// A province of our own (T9) with six communes tagged by region, and responses whose shares are known by
// construction: every respondent answers all 22 criteria of SIPAS 2017 at one level, so a unit's share
// (mean of components) is the share of its respondents answering 5 rather than 2.

export const sipas2017 = loadDefinitions().find((d) => d.definition.key === 'sipas-2017' && d.definition.version === 1)!.definition;
const satisfied = answerAll(sipas2017, 5, { feedback_given: true });
const dissatisfied = answerAll(sipas2017, 2, { feedback_given: true });

export interface ScenarioUnits {
  province: number;
  communes: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6', number>;
  /** An office below c1: its responses count for c1. */
  office: number;
}

export const COMMUNE_CODES = { c1: 'T9-01', c2: 'T9-02', c3: 'T9-03', c4: 'T9-04', c5: 'T9-05', c6: 'T9-06' } as const;
/** A name a spreadsheet would run as a formula, to check the CSV neutralises it. */
export const FORMULA_NAME = '=HYPERLINK("http://x.invalid","c6")';

export async function insertScenarioUnits(db: Kysely<Database>): Promise<ScenarioUnits> {
  const base = { valid_from: '2020-01-01' };
  const province = await db
    .insertInto('units')
    .values({ ...base, code: 'T9', name_vi: 'Thử Nghiệm', name_en: 'Test Province', full_name_vi: 'Tỉnh Thử Nghiệm', type: 'tỉnh', level: 'province' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const region = { c1: 'Bắc', c2: 'Bắc', c3: 'Nam', c4: 'Nam', c5: 'Nam', c6: 'Nam' } as const;
  const communes = {} as ScenarioUnits['communes'];
  for (const key of Object.keys(COMMUNE_CODES) as Array<keyof typeof COMMUNE_CODES>) {
    const name = key === 'c6' ? FORMULA_NAME : `Xã ${key.toUpperCase()}`;
    const row = await db
      .insertInto('units')
      .values({
        ...base,
        code: COMMUNE_CODES[key],
        name_vi: name,
        name_en: null,
        full_name_vi: name,
        type: 'xã',
        level: 'commune',
        parent_id: province.id,
        group_tags: [`region:${region[key]}`],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    communes[key] = row.id;
  }
  const office = await db
    .insertInto('units')
    .values({ ...base, code: 'T9-01-VP', name_vi: 'Văn phòng C1', full_name_vi: 'Văn phòng C1', type: 'văn phòng', level: 'office', parent_id: communes.c1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { province: province.id, communes, office: office.id };
}

type Writes = Array<[unitId: number, localDate: string, good: number, bad: number]>;

/** Per entry, `good` respondents answering 5 and `bad` answering 2 to every criterion, in one batch. */
export async function writeResponses(db: Kysely<Database>, writes: Writes): Promise<void> {
  const batch = writes.flatMap(([unitId, localDate, good, bad]) =>
    [...Array<typeof satisfied>(good).fill(satisfied), ...Array<typeof dissatisfied>(bad).fill(dissatisfied)].map((answers) => ({
      response: {
        id: randomUUID(),
        surveyKey: sipas2017.key,
        surveyVersion: sipas2017.version,
        unitId,
        channel: 'kiosk',
        locale: 'vi',
        localDate,
        answers,
        contentHash: randomUUID(),
      },
    })),
  );
  const outcomes = await writeBatch(db, batch);
  expect(outcomes.every((o) => o.kind === 'inserted')).toBe(true);
}

/**
 * 2026 shares: c1 90 (half of it from its office), c2 85, c3 85, c4 80, c5 10 respondents (below the minimum
 * of 30), c6 none. 2025: c1 80, c2 85, c3 90, c4 95. So 2026 ranks 1, 2, 2, 4 and 2025 ranks 4, 3, 2, 1.
 */
export async function writeScenarioResponses(db: Kysely<Database>, units: ScenarioUnits): Promise<void> {
  const { c1, c2, c3, c4, c5 } = units.communes;
  await writeResponses(db, [
    [c1, '2026-03-10', 18, 2],
    [units.office, '2026-08-20', 18, 2],
    [c2, '2026-05-01', 34, 6],
    [c3, '2026-12-31', 34, 6],
    [c4, '2026-01-01', 32, 8],
    [c5, '2026-06-15', 10, 0],
    [c1, '2025-02-01', 32, 8],
    [c2, '2025-06-30', 34, 6],
    [c3, '2025-07-01', 36, 4],
    [c4, '2025-12-31', 38, 2],
  ]);
}
