import { readCsvTable, splitList, type CsvRecord } from './csv-table.ts';
import { UNIT_COLUMNS } from './units.csv.ts';

/**
 * valid_from of units that existed before the registry's records start. The sources are snapshots
 * (GSO list of 01/03/2025), not histories, so the real start of a pre-2025 unit is not known.
 */
export const BEFORE_RECORDS = '1900-01-01';
/** The 2025 reform (Nghị quyết 202/2025/QH15 and the commune resolutions): old units end, new ones start. */
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
export const FIRST_DAY_AFTER_REFORM = '2025-07-01';

export interface SeedSources {
  /** server/data/provinces-63.csv */
  provinces63: string;
  /** server/data/provinces-34.csv */
  provinces34: string;
  /** server/data/units-sample.csv */
  unitsSample: string;
}

export interface SeedRecords {
  /** In the unit import layout (UNIT_COLUMNS); lines number them as one virtual file with a header on line 1. */
  records: CsvRecord[];
  /** merged_from codes of the sample that name no unit in the data (old communes of Hậu Giang and Sóc Trăng). */
  omittedPredecessors: Array<{ code: string; missing: string[] }>;
}

type UnitValues = Record<(typeof UNIT_COLUMNS)[number], string>;

/**
 * Pure: the shared reference files, as copied to server/data, in the unit import layout.
 * - 63 provinces: valid BEFORE_RECORDS to 30/06/2025, tagged region:… and subregion:… from the file.
 * - 34 provinces: valid from 01/07/2025, predecessors from merged_from (whole provinces: 'full'); they get a
 *   region/subregion tag only where all their predecessors share it (derived, not an official grouping).
 * - sample hierarchies of Cần Thơ and Hà Tĩnh: districts and communes (provinces come from the files above);
 *   the short name drops the type prefix ("Phường Cái Khế" → "Cái Khế"), the type is written in lower case
 *   like the province files; post-2025 predecessors that are not in the data are left out and listed.
 */
export function buildSeedRecords(sources: SeedSources): SeedRecords {
  const old = read(sources.provinces63, ['code', 'name_vi', 'full_name_vi', 'name_en', 'type', 'region', 'subregion', 'merged_into_2025']);
  const current = read(sources.provinces34, ['code', 'name_vi', 'full_name_vi', 'name_en', 'type', 'merged_from', 'merged_count', 'note']);
  const sample = read(sources.unitsSample, ['period', 'code', 'name_vi', 'level', 'unit_type', 'parent_code', 'merged_from', 'merged_partial']);

  const units: UnitValues[] = [];
  const tagsOf = (p: Record<string, string>) => [p.region && `region:${p.region}`, p.subregion && `subregion:${p.subregion}`].filter(Boolean) as string[];
  for (const p of old) {
    units.push(unit({ ...p, level: 'province', valid_from: BEFORE_RECORDS, valid_to: LAST_DAY_BEFORE_REFORM, group_tags: tagsOf(p).join(';') }));
  }
  const oldTags = new Map(old.map((p) => [p.code!, tagsOf(p)]));
  for (const p of current) {
    const predecessors = splitList(p.merged_from!);
    const shared = (oldTags.get(predecessors[0]!) ?? []).filter((tag) => predecessors.every((code) => oldTags.get(code)?.includes(tag)));
    units.push(unit({ ...p, level: 'province', valid_from: FIRST_DAY_AFTER_REFORM, group_tags: shared.join(';') }));
  }

  const oldCodes = new Set(sample.filter((u) => u.period === 'pre-2025').map((u) => u.code!));
  const omittedPredecessors: SeedRecords['omittedPredecessors'] = [];
  for (const u of sample) {
    if (u.level === 'province') continue;
    const type = u.unit_type!;
    const prefix = `${type} `;
    const common = {
      code: u.code!,
      name_vi: u.name_vi!.startsWith(prefix) ? u.name_vi!.slice(prefix.length) : u.name_vi!,
      full_name_vi: u.name_vi!,
      level: u.level!,
      type: type.charAt(0).toLowerCase() + type.slice(1),
      parent_code: u.parent_code!,
    };
    if (u.period === 'pre-2025') {
      units.push(unit({ ...common, valid_from: BEFORE_RECORDS, valid_to: LAST_DAY_BEFORE_REFORM }));
      continue;
    }
    const mergedFrom = splitList(u.merged_from!);
    const missing = mergedFrom.filter((code) => !oldCodes.has(code));
    if (missing.length > 0) omittedPredecessors.push({ code: u.code!, missing });
    const kept = (codes: string[]) => codes.filter((code) => oldCodes.has(code)).join(';');
    units.push(
      unit({
        ...common,
        valid_from: FIRST_DAY_AFTER_REFORM,
        merged_from: kept(mergedFrom),
        merged_partial: kept(splitList(u.merged_partial!)),
      }),
    );
  }
  return { records: units.map((values, i) => ({ line: i + 2, values })), omittedPredecessors };
}

function unit(values: Partial<Record<string, string>>): UnitValues {
  return Object.fromEntries(UNIT_COLUMNS.map((column) => [column, values[column] ?? ''])) as UnitValues;
}

function read(text: string, columns: string[]): Array<Record<string, string>> {
  const table = readCsvTable(text, columns);
  if (table.errors.length > 0) {
    const first = table.errors[0]!;
    throw new Error(`unit seed file, line ${first.line} ${first.column ?? ''}: ${first.reason}`);
  }
  return table.records.map((r) => r.values);
}
