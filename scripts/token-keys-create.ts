import { parseArgs } from 'node:util';
import { createTokenKey } from '../server/src/features/tokens/token-keys.service.ts';
import { HttpError } from '../server/src/http/errors.ts';
import { vietnamDate } from '../server/src/local-date.ts';
import { fail, withConfiguredApp } from './configured-app.ts';

// npm run token-keys:create -- --unit 92 [--label "iGate Cần Thơ"] [--json]
// Issues a receipt-token key for a unit and prints its secret and API key, once.
const { values } = parseArgs({
  options: { unit: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean', default: false } },
});
if (!values.unit) fail('usage: npm run token-keys:create -- --unit <unit code> [--label <text>] [--json]');

await withConfiguredApp(async (app) => {
  let created;
  try {
    created = await createTokenKey(app.db, values.unit!, vietnamDate(new Date()), values.label ?? null);
  } catch (error) {
    if (error instanceof HttpError) fail(error.message);
    throw error;
  }
  if (values.json) {
    console.log(JSON.stringify(created, null, 2));
    return;
  }
  console.log(`Receipt-token key for unit ${created.unit.code} (${created.unit.nameVi})

  key id   ${created.keyId}
  secret   ${created.secret}
  API key  ${created.apiKey}

The secret signs tokens: give it to the one-stop system only if it mints links itself (offline).
The API key authenticates POST /api/tokens and /api/tokens/batch (Authorization: Bearer <API key>).
Both are shown this once; the server keeps only the secret and a hash of the API key.
Withdraw with: npm run token-keys:revoke -- --key ${created.keyId}`);
});
