#!/usr/bin/env node
// npm run demo — the main job, rehearsed end to end on the bundled example in a temporary
// directory: the graph, the monthly cut, release day, the tag, and a patch. Real git and
// real nx; nothing outside the temporary directory is touched. `--keep` keeps it.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { wasmtimePreset } = require(join(repo, 'packages/nx-release-train/dist/presets/wasmtime.js'));
const keep = process.argv.includes('--keep');

const dir = mkdtempSync(join(tmpdir(), 'nrt-demo-'));
const origin = mkdtempSync(join(tmpdir(), 'nrt-demo-origin-'));
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'Release Demo',
  GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? 'release-demo@example.invalid',
  GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'Release Demo',
  GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? 'release-demo@example.invalid',
};

function step(title) {
  console.log(`\n=== ${title}`);
}

function sh(file, args, opts = {}) {
  const r = spawnSync(file, args, { cwd: dir, env, encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    console.error(r.stdout + r.stderr);
    throw new Error(`${file} ${args.join(' ')} failed (exit ${r.status})`);
  }
  return r.stdout;
}

function nx(...args) {
  console.log(`$ nx ${args.join(' ')}`);
  const out = sh(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), ...args]);
  // Nx's own banner lines add nothing to a rehearsal.
  console.log(out.split('\n').filter((l) => l.trim() && !/^\s*(>|NX |Run duration|Cache:|Critical path|Recoverable time)/.test(l.replace(/\u001b\[[0-9;]*m/g, ''))).join('\n'));
}

const git = (...args) => sh('git', args).trim();

try {
  step(`a git repository of examples/mini-wasmtime in ${dir}`);
  cpSync(join(repo, 'examples/mini-wasmtime'), dir, { recursive: true, filter: (src) => !/[\\/]target$/.test(src) });
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ useDaemonProcess: false }, null, 2) + '\n');
  writeFileSync(join(dir, '.gitignore'), 'target\nnode_modules\n.nx\n');
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  sh('git', ['init', '-q', '--bare', origin]);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', origin);
  nx('g', 'nx-release-train:init', '--preset=wasmtime');
  git('add', '-A');
  git('commit', '-q', '-m', 'Wasmtime in miniature');
  git('push', '-q', 'origin', 'main');
  void wasmtimePreset;

  step('the graph: one project per crate');
  nx('show', 'projects');
  nx('show', 'project', 'wasmtime', '--json');

  step('the 5th: cut the monthly release (dry run first, then for real, pushed)');
  nx('release-major', '--dry-run');
  nx('release-major', '--push');
  console.log(git('log', '--oneline', '--all', '--decorate', '-n', '5'));

  step('the 20th: release day on the newest release branch');
  nx('release-latest', '--date=2026-12-20', '--push');

  step('CI after a green build: tag the release commit');
  git('switch', '-q', 'release-5.0.0');
  nx('release-tag', '--push');
  git('switch', '-q', 'main');

  step('a security fix: patch the supported lines from main (dry run)');
  nx('release-patch', '--target=supported', '--dry-run', '--date=2026-12-24');

  step('done');
  console.log(`remote branches: ${sh('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags'], { cwd: origin }).trim().split('\n').join(', ')}`);
} finally {
  if (keep) console.log(`\nkept: ${dir} (origin: ${origin})`);
  else {
    rmSync(dir, { recursive: true, force: true });
    rmSync(origin, { recursive: true, force: true });
  }
}
