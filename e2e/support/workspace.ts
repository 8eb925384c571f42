/**
 * Temporary Nx workspaces for e2e tests: a copy of a Cargo tree, an nx.json registering the
 * locally built plugin, and node_modules linked to this repository's (no network, no install).
 * Everything runs through the real `nx` CLI and real git.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';

export const repoRoot = resolve(__dirname, '../..');
export const fixturesRoot = resolve(repoRoot, 'fixtures/wasmtime');
export const exampleRoot = resolve(repoRoot, 'examples/mini-wasmtime');

export interface TempWorkspace {
  dir: string;
  /** Runs the real nx CLI; never throws, returns status and output. */
  nx(args: string[], env?: NodeJS.ProcessEnv): SpawnSyncReturns<string>;
  /** Runs git in the workspace; throws on failure, returns trimmed stdout. */
  git(args: string[]): string;
  cleanup(): void;
}

export const NX_ENV: NodeJS.ProcessEnv = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_SKIP_NX_CACHE: 'true',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
  NX_VERBOSE_LOGGING: 'false',
  CI: 'true',
  FORCE_COLOR: '0',
  // Nx loads the plugin in its own process instead of isolated plugin workers: half the start-up
  // of every nx call. The plugin behaves the same either way; the train rehearsal
  // (campaigns/train-loop) runs with Nx's default isolation, as users' nx does.
  NX_ISOLATE_PLUGINS: 'false',
};

export interface WorkspaceInit {
  /** A directory to copy (its `target/` and `.git` are skipped). */
  from?: string;
  /** Plugin options written into nx.json. */
  options?: Record<string, unknown>;
  /** Files to write (path relative to the workspace -> text), after the copy. */
  files?: Record<string, string>;
  /** Make a git repository with one commit on `main`. */
  git?: boolean;
  /** That commit's message (default "initial"). */
  message?: string;
}

export function makeWorkspace(init: WorkspaceInit = {}): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-e2e-'));
  if (init.from) {
    cpSync(init.from, dir, {
      recursive: true,
      filter: (src) => !/[\\/](target|\.git|node_modules)$/.test(src),
    });
  }
  writeFileSync(
    join(dir, 'nx.json'),
    JSON.stringify({ plugins: [init.options ? { plugin: 'nx-release-train', options: init.options } : 'nx-release-train'], useDaemonProcess: false }, null, 2) +
      '\n',
  );
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(init.files ?? {})) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.nx\ntarget\n');
  const ws = workspaceAt(dir);
  if (init.git) {
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', init.message ?? 'initial']);
  }
  return ws;
}

/** The TempWorkspace handle of an existing directory (removed by `cleanup`). */
export function workspaceAt(dir: string): TempWorkspace {
  return {
    dir,
    git: (args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: gitEnv() }).trim(),
    nx: (args, env = {}) =>
      spawnSync(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...gitEnv(), ...NX_ENV, ...env },
        timeout: 240_000,
      }),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_AUTHOR_NAME: 'Release Bot',
    GIT_AUTHOR_EMAIL: 'release-bot@example.invalid',
    GIT_COMMITTER_NAME: 'Release Bot',
    GIT_COMMITTER_EMAIL: 'release-bot@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

/** Runs nx and expects success; returns stdout + stderr. */
export function nxOk(ws: TempWorkspace, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = ws.nx(args, env);
  if (r.status !== 0) throw new Error(`nx ${args.join(' ')} failed (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

/** Runs nx and expects a refusal (non-zero exit); returns stdout + stderr. */
export function nxRefused(ws: TempWorkspace, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = ws.nx(args, env);
  if (r.status === 0) throw new Error(`nx ${args.join(' ')} should have failed\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

/**
 * The real nx CLI, asynchronously: for tests whose servers (a local GitHub API, a registry)
 * live in the test process and must keep answering while nx runs; a synchronous spawn would
 * starve them.
 */
export function nxAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): Promise<{ status: number | null; out: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
      cwd,
      env: { ...gitEnv(), ...NX_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, out });
    });
  });
}
