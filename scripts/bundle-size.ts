// Prints the gzip size of the JavaScript the public questionnaire route loads, from Vite's build manifest,
// and fails when it is over the budget. Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 80 * 1024;
const QUESTIONNAIRE_MODULE = 'src/questionnaire/questionnaire-page.tsx';
const dist = path.resolve(import.meta.dirname, '..', 'client', 'dist');

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`No build manifest at ${manifestFile}: run \`npm run build\` first.`);
  process.exit(1);
}
const manifest: Record<string, Chunk> = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
if (!entry || !manifest[QUESTIONNAIRE_MODULE]) {
  console.error(`The manifest has no entry or no ${QUESTIONNAIRE_MODULE} chunk.`);
  process.exit(1);
}

/** A chunk and everything it imports statically: what the browser must load before it runs. */
function withStaticImports(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]!.imports ?? []) withStaticImports(imported, seen);
  return seen;
}

const loaded = withStaticImports(QUESTIONNAIRE_MODULE, withStaticImports(entry));
const files = [...new Set([...loaded].map((key) => manifest[key]!.file))].filter((file) => file.endsWith('.js'));
let total = 0;
for (const file of files) {
  const size = gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${file}`);
}
const adminFiles = files.filter((file) => /admin/i.test(file));
console.log(`questionnaire route JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (adminFiles.length > 0) {
  console.error(`Admin code is in the questionnaire's bundle: ${adminFiles.join(', ')}`);
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error('Over budget.');
  process.exit(1);
}
