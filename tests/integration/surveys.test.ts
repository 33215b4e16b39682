import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDrivers } from '../support/test-database.ts';

describe.each(testDrivers())('survey definitions API on %s PostgreSQL', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.close());

  it('serves the latest published sipas-2017 in Vietnamese and English with its hash as ETag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/surveys/sipas-2017' });
    expect(res.statusCode).toBe(200);
    const definition = res.json();
    expect(definition).toMatchObject({ key: 'sipas-2017', version: 1, status: 'published' });
    expect(definition.title.vi).toBeTruthy();
    expect(definition.title.en).toBeTruthy();
    expect(definition.scoring.components).toHaveLength(5);
    expect(definition.scoring.components.flatMap((c: { criteria: string[] }) => c.criteria)).toHaveLength(22);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);

    const again = await t.app.inject({
      method: 'GET',
      url: '/api/surveys/sipas-2017',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('compresses the definition for slow networks', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/surveys/sipas-2017', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('records each published version with its hash', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/surveys' })).json();
    const entry = list.surveys.find((s: { key: string }) => s.key === 'sipas-2017');
    const row = await t.app.db
      .selectFrom('survey_versions')
      .select('content_hash')
      .where('key', '=', 'sipas-2017')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.content_hash).toBe(entry.hash);
  });

  it('answers 404 for an unknown survey and 400 for a malformed key', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/surveys/unknown' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/surveys/BAD_KEY!' })).statusCode).toBe(400);
  });
});
