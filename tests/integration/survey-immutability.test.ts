import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFINITIONS_DIR } from '@sipas/survey-definitions/load';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import type { Config } from '../../server/src/config.ts';
import { answerAll } from '../support/answers.ts';
import { createServerDatabase, testDrivers } from '../support/test-database.ts';
import type { SurveyDefinition } from '@sipas/survey-definitions/schema';
import { adminHeaders } from '../support/admin-session.ts';

// A published version is immutable: the server records its hash the first time and refuses to start
// if the file changes under the same version; a new version is a new file, and old responses keep theirs.
describe.each(testDrivers())('published survey versions on %s PostgreSQL', (driver) => {
  let definitionsDir: string;
  let config: Config;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'sipas-defs-'));
    cleanups.push(() => fs.rm(work, { recursive: true, force: true }));
    definitionsDir = path.join(work, 'definitions');
    await fs.cp(DEFINITIONS_DIR, definitionsDir, { recursive: true });
    let database: Config['database'] = { kind: 'embedded', dataDir: path.join(work, 'data') };
    if (driver === 'postgres') {
      const server = await createServerDatabase();
      cleanups.push(server.drop);
      database = { kind: 'postgres', url: server.url };
    }
    config = { port: 0, host: '127.0.0.1', database, demoData: 'off', logLevel: 'silent', clientDist: '/nonexistent' };
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const v1File = () => path.join(definitionsDir, 'sipas-2017', 'v1.json');

  it('refuses to start when a recorded version changed, naming the file and version', async () => {
    const app = await buildApp(config, { definitionsDir });
    const definition: SurveyDefinition = JSON.parse(await fs.readFile(v1File(), 'utf8'));
    const posted = await app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { survey: 'sipas-2017', version: 1, unit: '92', answers: answerAll(definition, 4) },
    });
    expect(posted.statusCode).toBe(201);
    await app.close();

    const original = await fs.readFile(v1File(), 'utf8');
    await fs.writeFile(v1File(), original.replace('Nơi ngồi chờ', 'Khu vực ngồi chờ'));
    await expect(buildApp(config, { definitionsDir })).rejects.toThrow(/sipas-2017[\\/]v1\.json \(sipas-2017@1\) changed/);
    await fs.writeFile(v1File(), original);
  });

  it('accepts a new version as a new file; old responses keep pointing at the old version', async () => {
    const definition: SurveyDefinition = JSON.parse(await fs.readFile(v1File(), 'utf8'));
    const v2 = { ...definition, version: 2, title: { ...definition.title, vi: `${definition.title.vi} (2)` } };
    await fs.writeFile(path.join(definitionsDir, 'sipas-2017', 'v2.json'), JSON.stringify(v2, null, 2));

    const app = await buildApp(config, { definitionsDir });
    try {
      const latest = (await app.inject({ method: 'GET', url: '/api/surveys/sipas-2017' })).json();
      expect(latest.version).toBe(2);
      const v1 = (await app.inject({ method: 'GET', url: '/api/surveys/sipas-2017/versions/1' })).json();
      expect(v1.title.vi).toBe(definition.title.vi);

      const stored = await app.db.selectFrom('responses').select(['survey_key', 'survey_version']).execute();
      expect(stored).toEqual([{ survey_key: 'sipas-2017', survey_version: 1 }]);
      const headers = await adminHeaders(app);
      const results = (await app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=92&version=1', headers })).json();
      expect(results.responses).toBe(1);
      const latestResults = (await app.inject({ method: 'GET', url: '/api/results?survey=sipas-2017&unit=92', headers })).json();
      expect(latestResults.survey.version).toBe(2);
      expect(latestResults.responses).toBe(0);
    } finally {
      await app.close();
    }
  });
});
