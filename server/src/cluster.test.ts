import { describe, expect, it } from 'vitest';
import { workerCount } from './cluster.ts';
import { ConfigError, loadConfig } from './config.ts';

const postgres = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sipas' });
const embedded = loadConfig({});

describe('workerCount', () => {
  it('runs one process by default', () => {
    expect(workerCount(postgres, {})).toBe(1);
    expect(workerCount(postgres, { WORKERS: '' })).toBe(1);
  });

  it('takes WORKERS as given with a PostgreSQL server', () => {
    expect(workerCount(postgres, { WORKERS: '3' })).toBe(3);
    expect(workerCount(postgres, { WORKERS: '1' })).toBe(1);
  });

  it('keeps the embedded database in one process whatever WORKERS says', () => {
    expect(workerCount(embedded, { WORKERS: '4' })).toBe(1);
  });

  it.each(['0', '-2', '1.5', 'many'])('refuses WORKERS=%s, naming the variable', (value) => {
    expect(() => workerCount(postgres, { WORKERS: value })).toThrow(ConfigError);
    expect(() => workerCount(postgres, { WORKERS: value })).toThrow(/WORKERS/);
  });
});
