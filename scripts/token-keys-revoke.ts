import { parseArgs } from 'node:util';
import { revokeKey } from '../server/src/features/tokens/token-keys.service.ts';
import { fail, withConfiguredApp } from './configured-app.ts';

// npm run token-keys:revoke -- --key <key id>
// From now on the key's API key is refused and so is every token it signed, printed or not.
const { values } = parseArgs({ options: { key: { type: 'string' } } });
if (!values.key) fail('usage: npm run token-keys:revoke -- --key <key id>');

await withConfiguredApp(async (app) => {
  if (!(await revokeKey(app.db, values.key!, new Date()))) fail(`No key ${values.key} in use (unknown or already revoked)`);
  console.log(`Key ${values.key} revoked: its API key and its tokens are refused from now on.`);
});
