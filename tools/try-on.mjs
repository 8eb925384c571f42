#!/usr/bin/env node
// Makes any directory holding a Cargo workspace usable with the locally built plugin:
// links nx, @nx/devkit and nx-release-train from this repository into <dir>/node_modules
// (no network, no install), writes a minimal nx.json if none, and runs the init generator.
//   npm run try-on -- <dir> [--preset=wasmtime]
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
const preset = args.find((a) => a.startsWith('--preset='))?.slice('--preset='.length);

function fail(message) {
  console.error(`try-on: ${message}`);
  process.exit(1);
}

if (!target) fail('usage: npm run try-on -- <dir> [--preset=wasmtime]');
const dir = resolve(target);
if (!existsSync(join(dir, 'Cargo.toml'))) fail(`${join(dir, 'Cargo.toml')} not found: give the root of a Cargo workspace`);
if (!existsSync(join(repo, 'packages/nx-release-train/dist/index.js'))) fail('the plugin is not built: run `npm run build` in the repository first');

const links = [
  ['nx', join(repo, 'node_modules/nx')],
  ['@nx/devkit', join(repo, 'node_modules/@nx/devkit')],
  ['nx-release-train', join(repo, 'packages/nx-release-train')],
  ['.bin/nx', join(repo, 'node_modules/nx/dist/bin/nx.js')],
];
for (const [name, source] of links) {
  const link = join(dir, 'node_modules', name);
  mkdirSync(dirname(link), { recursive: true });
  let exists = false;
  try {
    lstatSync(link);
    exists = true;
  } catch {}
  if (!exists) symlinkSync(source, link);
}

const nxJson = join(dir, 'nx.json');
if (!existsSync(nxJson)) writeFileSync(nxJson, JSON.stringify({ useDaemonProcess: false }, null, 2) + '\n');
const gitignore = join(dir, '.gitignore');
const ignored = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
const missing = ['node_modules', '.nx'].filter((p) => !ignored.split('\n').some((l) => l.trim().replace(/^\//, '').replace(/\/$/, '') === p));
if (missing.length) writeFileSync(gitignore, ignored + (ignored && !ignored.endsWith('\n') ? '\n' : '') + missing.join('\n') + '\n');

const init = ['g', 'nx-release-train:init', ...(preset ? [`--preset=${preset}`] : [])];
const run = spawnSync(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), ...init], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false' },
});
if (run.status !== 0) fail(`\`nx ${init.join(' ')}\` failed (exit ${run.status})`);
console.log(`\ntry-on: ${dir} is ready. Try:\n  cd ${dir}\n  npx nx show projects\n  npx nx graph`);
