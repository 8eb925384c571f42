/**
 * Fixture repositories built once per test run and copied per test: building one (copy the
 * tree, write nx.json, `git init`, `git add`, `git commit`, sometimes a few cuts) costs far
 * more than copying the finished directory. The cache lives in the directory the global setup
 * (fixtures.global.ts) names in NRT_FIXTURE_CACHE, shared by every worker of the run, or in
 * a directory of this process's own when a file runs without that setup.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { exampleRoot, gitEnv, makeWorkspace, workspaceAt, type TempWorkspace } from './workspace';

export const CACHE_ENV = 'NRT_FIXTURE_CACHE';

let ownCache: string | undefined;
function cacheRoot(): string {
  const shared = process.env[CACHE_ENV];
  if (shared && existsSync(shared)) return shared;
  if (!ownCache) {
    const dir = mkdtempSync(join(tmpdir(), 'nrt-fixtures-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    ownCache = dir;
  }
  return ownCache;
}

/**
 * A fresh copy of the repository `build` makes, built at most once per run for `key` (which
 * must name everything the build depends on). The copy is the caller's: `cleanup` removes it.
 */
export function cachedRepo(key: string, build: () => TempWorkspace): TempWorkspace {
  const template = join(cacheRoot(), createHash('sha1').update(key).digest('hex'));
  if (!existsSync(template)) {
    const built = build();
    try {
      // Another worker may have finished the same template meanwhile: its copy wins.
      renameSync(built.dir, template);
    } catch {
      built.cleanup();
    }
  }
  return copyOf(template);
}

/** A copy of the repository at `from` (a template, or a test's repository built once per file). */
export function copyOf(from: string): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-e2e-'));
  // Links stay as written (a relative member link must not point into the template).
  cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
  // The copy's files have new timestamps: let git see that their content is unchanged.
  if (existsSync(join(dir, '.git'))) execFileSync('git', ['update-index', '-q', '--refresh'], { cwd: dir, env: gitEnv(), stdio: 'ignore' });
  return workspaceAt(dir);
}

/** The bundled example as a git repository with one commit on main, with these plugin options. */
export function exampleRepo(options?: Record<string, unknown>): TempWorkspace {
  return cachedRepo(`example ${JSON.stringify(options ?? null)}`, () => makeWorkspace({ from: exampleRoot, options, git: true }));
}

/**
 * The example (wasmtime preset) with cranelift/entity moved to vendor/entity and a relative
 * symbolic link left in its place, committed, with a release-5.0.0 branch.
 */
export function symlinkedMemberRepo(options: Record<string, unknown>): TempWorkspace {
  return cachedRepo(`symlinked member ${JSON.stringify(options)}`, () => {
    const ws = makeWorkspace({ from: exampleRoot, options });
    mkdirSync(join(ws.dir, 'vendor'));
    renameSync(join(ws.dir, 'cranelift/entity'), join(ws.dir, 'vendor/entity'));
    symlinkSync('../vendor/entity', join(ws.dir, 'cranelift/entity'));
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'entity lives in vendor/']);
    ws.git(['branch', 'release-5.0.0']);
    return ws;
  });
}
