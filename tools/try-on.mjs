#!/usr/bin/env node
// Makes any directory holding a Cargo workspace usable with the locally built plugin, installed
// as a registry install would install it: the built package is packed (`npm pack`) and the
// tarball unpacked into <dir>/node_modules/nx-release-train, so Nx loads its build (dist), never
// this repository's TypeScript sources. Its dependencies, nx and @nx/devkit are linked from this
// repository (no network, no install). Then a minimal nx.json if none, and the init generator.
//   npm run try-on -- <dir> [--preset=wasmtime]
// A workspace that also holds JavaScript tooling (a JS lock file) gets the Nx settings that keep
// Nx's JS plugins out of the way (core/settings/js-tooling.ts) before Nx first runs there: Nx
// builds its graph before any generator, and that graph would fail on the lock file.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(repo, 'packages/nx-release-train');
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
if (!existsSync(join(pkgDir, 'dist/index.js'))) fail('the plugin is not built: run `npm run build` in the repository first');

// The package exactly as published: what `files` in its package.json lets into the tarball.
const packDir = mkdtempSync(join(tmpdir(), 'try-on-pack-'));
const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: pkgDir, encoding: 'utf8' });
if (pack.status !== 0) fail(`npm pack failed: ${pack.stderr}`);
const tarball = join(packDir, pack.stdout.trim().split('\n').at(-1));
const installed = join(dir, 'node_modules/nx-release-train');
rmSync(installed, { recursive: true, force: true }); // a link or an older install
mkdirSync(installed, { recursive: true });
// npm puts the package under package/ in the tarball; unpacked as npm install does.
const unpack = spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
if (unpack.status !== 0) fail(`unpacking ${tarball} failed: ${unpack.stderr}`);
rmSync(packDir, { recursive: true, force: true });

/** Where this repository resolves a package from (the plugin's own node_modules first). */
function packageDir(name) {
  for (const base of [join(pkgDir, 'node_modules'), join(repo, 'node_modules')]) if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  fail(`${name} is not installed in this repository: run npm ci first`);
}

const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
const links = [
  ...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).map((name) => [name, packageDir(name)]),
  ['.bin/nx', join(packageDir('nx'), 'dist/bin/nx.js')],
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
const js = createRequire(import.meta.url)(join(installed, 'dist/core/settings/js-tooling.js'));
const jsTooling = js.JS_TOOLING_FILES.filter((f) => existsSync(join(dir, f)));
if (jsTooling.length) {
  writeFileSync(nxJson, JSON.stringify(js.withJsPluginOff(JSON.parse(readFileSync(nxJson, 'utf8'))), null, 2) + '\n');
  const nxignore = join(dir, '.nxignore');
  const ignore = js.nxignoreWithJsOff(existsSync(nxignore) ? readFileSync(nxignore, 'utf8') : null);
  if (ignore !== null) writeFileSync(nxignore, ignore);
  console.log(`try-on: ${jsTooling.join(', ')} found: Nx's JS plugins are kept out (nx.json pluginsConfig["@nx/js"], .nxignore)`);
}
const gitignore = join(dir, '.gitignore');
const ignored = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
const missing = ['node_modules', '.nx'].filter((p) => !ignored.split('\n').some((l) => l.trim().replace(/^\//, '').replace(/\/$/, '') === p));
if (missing.length) writeFileSync(gitignore, ignored + (ignored && !ignored.endsWith('\n') ? '\n' : '') + missing.join('\n') + '\n');

const init = ['g', 'nx-release-train:init', ...(preset ? [`--preset=${preset}`] : [])];
const run = spawnSync(process.execPath, [join(dir, 'node_modules/.bin/nx'), ...init], {
  cwd: dir,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false' },
});
if (run.status !== 0) fail(`\`nx ${init.join(' ')}\` failed (exit ${run.status})`);
console.log(`\ntry-on: ${dir} is ready. Try:\n  cd ${dir}\n  npx nx show projects\n  npx nx graph`);
