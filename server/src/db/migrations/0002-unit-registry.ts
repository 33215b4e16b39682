import { sql, type Kysely } from 'kysely';

// The unit registry (hierarchy, groups, validity, lineage across the 2025 mergers) and the procedure
// catalogue. Frozen in time: Kysely<any>, no application code. Existing units rows keep their ids.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('units')
    // Tags of the form kind:value (region:Đồng bằng sông Hồng, subregion:Bắc Trung Bộ) for rankings within groups.
    .addColumn('group_tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema
    .alterTable('units')
    .addCheckConstraint('units_valid_period_check', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex('units_parent_id_idx').on('units').column('parent_id').execute();

  // From each unit that ceased to the unit(s) that took over its territory: 'partial' when only part of it.
  await db.schema
    .createTable('unit_lineage')
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('full', 'partial')`))
    .addPrimaryKeyConstraint('unit_lineage_pkey', ['predecessor_id', 'successor_id'])
    .addCheckConstraint('unit_lineage_not_self_check', sql`predecessor_id <> successor_id`)
    .execute();
  await db.schema.createIndex('unit_lineage_successor_id_idx').on('unit_lineage').column('successor_id').execute();

  // National catalogue of administrative procedures (thủ tục hành chính), keyed by the national code.
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('promulgating_agency', 'text')
    .addColumn('executing_agency', 'text')
    .addColumn('catalogue_type', 'text')
    .addColumn('state', 'text')
    .addColumn('portal_url', 'text')
    // Lower-case, without diacritics, of code, name and field: accent-insensitive search on both drivers.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedures_field_idx').on('procedures').column('field').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('procedures').execute();
  await db.schema.dropTable('unit_lineage').execute();
  await db.schema.dropIndex('units_parent_id_idx').execute();
  await db.schema.alterTable('units').dropConstraint('units_valid_period_check').execute();
  await db.schema.alterTable('units').dropColumn('group_tags').execute();
}
