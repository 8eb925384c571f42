// npm run docs:options — writes docs/options.md from the options schema (the built plugin).
// `--check` only compares, and fails when the committed file is out of date.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (p) => require(join(repo, 'packages/nx-release-train/dist', p));
const { renderReference } = dist('core/settings/reference.js');
const { optionsSchema } = dist('core/settings/schema.js');
const { PRESETS } = dist('presets/index.js');

const file = join(repo, 'docs/options.md');
const text = renderReference(optionsSchema, PRESETS);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('docs/options.md is out of date: run npm run docs:options');
    process.exit(1);
  }
  console.log('docs/options.md is up to date');
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote docs/options.md (${text.split('\n').length} lines)`);
}
