import { listKeys } from '../server/src/features/tokens/token-keys.service.ts';
import { withConfiguredApp } from './configured-app.ts';

// npm run token-keys:list — the receipt-token keys by unit (never their secrets).
await withConfiguredApp(async (app) => {
  const keys = await listKeys(app.db);
  if (keys.length === 0) console.log('No receipt-token keys yet: npm run token-keys:create -- --unit <code>');
  for (const k of keys) {
    const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'in use';
    console.log(`${k.keyId}  unit ${k.unitCode} (${k.unitNameVi})  created ${k.createdAt.toISOString()}  ${state}${k.label ? `  ${k.label}` : ''}`);
  }
});
