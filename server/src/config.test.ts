import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data, port 3000, demo data on first start', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'embedded', dataDir: path.join(REPO_ROOT, 'data') },
      demoData: 'auto',
      logLevel: 'info',
      clientDist: path.join(REPO_ROOT, 'client', 'dist'),
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      tokenValidDays: 90,
      rateLimits: { ipPerMinute: 300, tokenPerMinute: 10, devicePerMinute: 30, counterPerHour: 60 },
      tokenLedgerResealMinutes: 60,
    });
  });

  it('reads the receipt-token and rate-limit settings', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://khaosat.cantho.gov.vn/sipas/',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      TOKEN_VALID_DAYS: '30',
      RATE_LIMIT_IP_PER_MINUTE: '1000',
      RATE_LIMIT_TOKEN_PER_MINUTE: '5',
      RATE_LIMIT_DEVICE_PER_MINUTE: '20',
      RATE_LIMIT_COUNTER_PER_HOUR: '100',
      TOKEN_LEDGER_RESEAL_MINUTES: '0',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://khaosat.cantho.gov.vn/sipas',
      trustProxy: '127.0.0.1, 10.0.0.0/8',
      tokenValidDays: 30,
      rateLimits: { ipPerMinute: 1000, tokenPerMinute: 5, devicePerMinute: 20, counterPerHour: 100 },
      tokenLedgerResealMinutes: 0,
    });
  });

  it.each([
    [{ PORT: '8080' }, 'http://localhost:8080'],
    [{ PUBLIC_URL: 'http://192.168.1.10:3000' }, 'http://192.168.1.10:3000'],
  ])('PUBLIC_URL with %j is %s', (env, url) => {
    expect(loadConfig(env).publicUrl).toBe(url);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['loopback', 'loopback'],
  ])('TRUST_PROXY=%s is %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/sipas' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/sipas',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('embedded');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'khaosat.gov.vn' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://khaosat.gov.vn' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://khaosat.gov.vn/?x=1' }, 'PUBLIC_URL'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '2' }, 'TRUST_PROXY'],
    [{ TOKEN_VALID_DAYS: '0' }, 'TOKEN_VALID_DAYS'],
    [{ TOKEN_VALID_DAYS: '400' }, 'TOKEN_VALID_DAYS'],
    [{ RATE_LIMIT_IP_PER_MINUTE: '0' }, 'RATE_LIMIT_IP_PER_MINUTE'],
    [{ RATE_LIMIT_TOKEN_PER_MINUTE: 'many' }, 'RATE_LIMIT_TOKEN_PER_MINUTE'],
    [{ RATE_LIMIT_DEVICE_PER_MINUTE: '-1' }, 'RATE_LIMIT_DEVICE_PER_MINUTE'],
    [{ RATE_LIMIT_COUNTER_PER_HOUR: '1.5' }, 'RATE_LIMIT_COUNTER_PER_HOUR'],
    [{ TOKEN_LEDGER_RESEAL_MINUTES: '-5' }, 'TOKEN_LEDGER_RESEAL_MINUTES'],
  ])('%j is refused, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });
});
