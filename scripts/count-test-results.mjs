// Prints CI's closing line "N passed, N failed" from the vitest JSON reports in a folder.
// A non-zero status with no failed test counted (type-check, lint, a crash) still counts as a failure.
import fs from 'node:fs';
import path from 'node:path';

const [dir = '.tmp/test-results', statusArg = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith('.json')) continue;
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load has no failed test but a failed suite: count it too.
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
}
if (Number(statusArg) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
