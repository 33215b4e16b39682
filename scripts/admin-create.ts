import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { createAccount } from '../server/src/features/auth/accounts.service.ts';
import { HttpError } from '../server/src/http/errors.ts';
import { fail, withConfiguredApp } from './configured-app.ts';

// npm run admin:create -- --login <name> [--name "<display name>"] [--password-stdin]
// Creates a system administrator. Without --password-stdin a password is generated and printed, once.
const USAGE = 'usage: npm run admin:create -- --login <name> [--name "<display name>"] [--password-stdin]';
let values;
try {
  ({ values } = parseArgs({
    options: { login: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (!values.login) fail(USAGE);
const login = values.login;

// The first line of standard input, so `echo "$PASSWORD" | npm run admin:create …` works.
const password = values['password-stdin'] ? (await text(process.stdin)).split(/\r?\n/)[0] : undefined;
if (password === '') fail('--password-stdin: standard input has no password');

await withConfiguredApp(async (app) => {
  let created;
  try {
    created = await createAccount(app.db, { login, displayName: values.name ?? login, role: 'system-admin', password }, new Date());
  } catch (error) {
    if (error instanceof HttpError) fail(error.message);
    throw error;
  }
  console.log(`System administrator "${created.user.login}" created.`);
  if (created.password) {
    console.log(`
  login     ${created.user.login}
  password  ${created.password}

Shown this once; the server keeps only an argon2id hash. Sign in at /admin/sign-in.`);
  }
});
