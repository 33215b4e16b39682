import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, so default paths do not depend on the directory `npm start` runs from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Limits on POST /api/responses (see server/docs/receipt-tokens.md, "Rate limits"). */
export interface RateLimits {
  /** Responses without a receipt token, per minute per client IP: generous, as forty kiosks or a mobile carrier share one. */
  ipPerMinute: number;
  /** Submissions per minute carrying the same genuine receipt token (it answers once; retries only). */
  tokenPerMinute: number;
  /** Responses per minute from one device (header x-sipas-device), within its IP's limit. */
  devicePerMinute: number;
  /** Counter-QR (channel counter) responses per hour from one IP for one unit. */
  counterPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { ipPerMinute: 300, tokenPerMinute: 10, devicePerMinute: 30, counterPerHour: 60 };
/** A receipt is given when the dossier is filed; the result may come weeks later, and the survey after it. */
export const DEFAULT_TOKEN_VALID_DAYS = 90;

/** An IPv4/IPv6 address or CIDR range, or a name proxy-addr knows. */
const PROXY_ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9.]+\.[0-9./]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(\/[0-9]+)?)$/;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'data')),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().min(1).default(path.join(REPO_ROOT, 'client', 'dist')),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine((url) => !/[?#]/.test(url), 'must not have a query or fragment')
    .optional(),
  TRUST_PROXY: z
    .string()
    .refine(
      (value) => ['true', 'false'].includes(value) || value.split(',').every((entry) => PROXY_ADDRESS.test(entry.trim())),
      'must be true, false or the addresses of the proxies (a hop count is not trusted)',
    )
    .default('false'),
  TOKEN_VALID_DAYS: z.coerce.number().int().min(1).max(366).default(DEFAULT_TOKEN_VALID_DAYS),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.ipPerMinute),
  RATE_LIMIT_TOKEN_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.tokenPerMinute),
  RATE_LIMIT_DEVICE_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.devicePerMinute),
  RATE_LIMIT_COUNTER_PER_HOUR: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMITS.counterPerHour),
  TOKEN_LEDGER_RESEAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
});

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'embedded'; dataDir: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Synthetic responses so a newcomer sees real screens; 'auto' means only on a fresh embedded database. */
  demoData: 'auto' | 'on' | 'off';
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Built client served at /; absent folder means API only (development with Vite). */
  clientDist: string;
  /** Absolute base of the links given to citizens (receipt tokens, counter QR); no trailing slash. Default http://localhost:<port>. */
  publicUrl?: string;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client IP (false: none). */
  trustProxy?: boolean | string;
  /** Days a minted receipt token stays valid after its issue date, unless the request says otherwise. */
  tokenValidDays?: number;
  rateLimits?: RateLimits;
  /** Minutes between rewrites of recent rows of the spent-token ledger (unlinks them from responses); 0: never. */
  tokenLedgerResealMinutes?: number;
}

export class ConfigError extends Error {}

/** Pure: reads the given environment once; nothing else in the server reads process.env. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable is treated as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR) },
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    clientDist: path.resolve(e.CLIENT_DIST),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    tokenValidDays: e.TOKEN_VALID_DAYS,
    rateLimits: {
      ipPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      tokenPerMinute: e.RATE_LIMIT_TOKEN_PER_MINUTE,
      devicePerMinute: e.RATE_LIMIT_DEVICE_PER_MINUTE,
      counterPerHour: e.RATE_LIMIT_COUNTER_PER_HOUR,
    },
    tokenLedgerResealMinutes: e.TOKEN_LEDGER_RESEAL_MINUTES,
  };
}

/** "true" (trust any proxy), "false", or a comma-separated list of proxy addresses (CIDR allowed). */
function parseTrustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
