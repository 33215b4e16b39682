import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely; column names are snake_case as in the migrations. */
export interface Database {
  units: UnitsTable;
  survey_versions: SurveyVersionsTable;
  responses: ResponsesTable;
  app_settings: AppSettingsTable;
}

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  name_en: string | null;
  full_name_vi: string;
  type: string;
  level: string;
  parent_id: number | null;
  region: string | null;
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SurveyVersionsTable {
  key: string;
  version: number;
  content_hash: string;
  content: ColumnType<unknown, string, never>;
  recorded_at: Generated<Date>;
}

export interface ResponsesTable {
  id: string;
  survey_key: string;
  survey_version: number;
  unit_id: number;
  channel: string;
  locale: string;
  /** Local (Asia/Ho_Chi_Minh) date only: an exact time could identify a respondent at the counter. */
  local_date: ColumnType<string, string, never>;
  answers: ColumnType<Record<string, unknown>, string, never>;
  /** Hash of the submitted content, to tell an idempotent retry from a conflicting reuse of the id. */
  content_hash: string;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}
