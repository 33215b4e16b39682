import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely; column names are snake_case as in the migrations. */
export interface Database {
  units: UnitsTable;
  survey_versions: SurveyVersionsTable;
  responses: ResponsesTable;
  app_settings: AppSettingsTable;
  unit_lineage: UnitLineageTable;
  procedures: ProceduresTable;
  token_keys: TokenKeysTable;
  spent_tokens: SpentTokensTable;
  kiosk_devices: KioskDevicesTable;
  response_tallies: ResponseTalliesTable;
  /** View: what response_tallies must hold, recomputed from raw responses (migration 0005). */
  response_tallies_recomputed: ResponseTalliesTable;
  tally_questions: TallyQuestionsView;
  tally_versions: TallyVersionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
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
  /** kind:value tags (region:…, subregion:…); added by migration 0002. */
  group_tags: ColumnType<string[], string[] | undefined, string[]>;
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
  /** National procedure code as given (web) or carried by the receipt token; checked against the registry later. */
  procedure_code: ColumnType<string | null, string | null | undefined, never>;
  /** True when a receipt token vouched for it (one response per dossier); never says which token. */
  from_receipt: ColumnType<boolean, boolean | undefined, never>;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}

/** From a unit that ceased to a unit that took over (all or part of) its territory. */
export interface UnitLineageTable {
  predecessor_id: number;
  successor_id: number;
  kind: 'full' | 'partial';
}

export interface ProceduresTable {
  id: Generated<number>;
  code: string;
  name_vi: string;
  field: string;
  promulgating_agency: string | null;
  executing_agency: string | null;
  catalogue_type: string | null;
  state: string | null;
  portal_url: string | null;
  search_text: string;
}

/** A unit's key for receipt tokens: the HMAC secret and the sha256 of the API key of the mint API. */
export interface TokenKeysTable {
  id: string;
  unit_id: number;
  secret: string;
  api_key_hash: string;
  label: string | null;
  created_at: Generated<Date>;
  revoked_at: ColumnType<Date | null, never, Date | string | null>;
}

/** Spent dossiers: a keyed hash and the Monday of the ISO week; no response id, no token, no unit. */
export interface SpentTokensTable {
  spent_key: string;
  spent_week: ColumnType<string, string, never>;
}

/** A kiosk tablet of a unit (migration 0004); only sha256 hashes of its enrolment code and credential. */
export interface KioskDevicesTable {
  id: string;
  unit_id: number;
  name: string;
  survey_key: string;
  idle_seconds: number;
  enrol_code_hash: string | null;
  enrol_code_expires_at: Date | null;
  credential_hash: string | null;
  created_at: Generated<Date>;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  last_contact_at: Date | null;
  queue_depth: number | null;
  dead_letters: number | null;
  app_version: string | null;
}

/**
 * Aggregates of responses per unit, survey version and period (migration 0005), kept by triggers on
 * `responses`. One row per day, month (period_start = the 1st) and year (period_start = 1 January).
 */
export interface ResponseTalliesTable {
  unit_id: number;
  survey_key: string;
  survey_version: number;
  grain: 'day' | 'month' | 'year';
  period_start: ColumnType<string, string, string>;
  /** Responses stored. */
  respondents: number;
  /** Six slots per level question of tally_questions (ordinal i: slots 6(i−1)+1..6i = levels 1..5, "na"). */
  level_counts: number[];
  /** Respondents with a valid answer to a scored criterion, and Σ / Σ² of their share satisfied (0–100). */
  scored: number;
  share_sum: ColumnType<string, string | number, string | number>;
  share_sq_sum: ColumnType<string, string | number, string | number>;
  /** Σ of a 60-bit hash of each response id, mod 2^60 (migration 0007; results/fingerprint.ts). */
  id_digest: ColumnType<string, string | number | bigint, string | number | bigint>;
}

/** View: the level questions (satisfaction5, scale4) of each recorded survey version, in definition order. */
export interface TallyQuestionsView {
  survey_key: string;
  survey_version: number;
  ordinal: number;
  question_id: string;
  question_type: string;
  criterion: boolean;
  satisfied_levels: string[];
}

/** Per recorded survey version, the map the tally triggers use (migration 0005): question id -> [ordinal, criterion]. */
export interface TallyVersionsTable {
  survey_key: string;
  survey_version: number;
  questions: ColumnType<Record<string, [number, boolean]>, string, string>;
  size: number;
  satisfied_levels: string[];
}

/** An administrator's account (migration 0006); login unique ignoring case, password as an argon2id PHC string. */
export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  created_at: Generated<Date>;
  disabled_at: Date | null;
}

export type RoleName = 'system-admin' | 'unit-manager' | 'viewer';

/** A role over the subtree of unit_id (null only for system-admin). */
export interface UserRolesTable {
  id: Generated<number>;
  user_id: number;
  role: RoleName;
  unit_id: number | null;
  created_at: Generated<Date>;
}

/** A signed-in browser: the sha256 of its random session id; idle end from last_seen_at, absolute end expires_at. */
export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

/** A failed sign-in for a login name (lower case), for throttling. */
export interface SignInFailuresTable {
  login_key: string;
  failed_at: Generated<Date>;
}
