// Temporary Nx workspaces for the benchmarks: a copy of a tree with nx.json, the repository's
// node_modules linked in (so `nx-release-train` is this checkout's build) and, when asked, a
// git repository; plus one way to run the nx CLI in them without the daemon or the cloud.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true', CI: 'true', FORCE_COLOR: '0' };
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
};

/** True when the module at `url` is the script node was started with. */
export const isMain = (url) => process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url);

/**
 * A temp workspace: `fill(dir)` writes the tree (or `from` is copied), nx.json lists `plugins`,
 * `.gitignore` keeps node_modules, .nx and target out, and with `git` the tree is committed.
 * `installed` ({ package: { file: text } }) are packages installed in the workspace's own
 * node_modules (a directory then, the repository's packages linked into it), as a registry
 * install would put them: Nx treats a plugin found there as installed, not as a local one.
 */
export function nxWorkspace(name, { from, fill, plugins = [], git = false, installed }) {
  const dir = mkdtempSync(join(tmpdir(), `nrt-bench-${name}-`));
  if (from) cpSync(from, dir, { recursive: true, filter: (s) => !/[\\/](target|\.git|\.nx)$/.test(s) });
  if (fill) fill(dir);
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ plugins, useDaemonProcess: false }));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.nx\ntarget\n');
  if (!installed) symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else {
    mkdirSync(join(dir, 'node_modules'));
    for (const entry of readdirSync(join(repo, 'node_modules'))) symlinkSync(join(repo, 'node_modules', entry), join(dir, 'node_modules', entry));
    for (const [pkg, files] of Object.entries(installed)) {
      mkdirSync(join(dir, 'node_modules', pkg));
      for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, 'node_modules', pkg, file), text);
    }
  }
  if (git) {
    for (const args of [
      ['init', '-q', '-b', 'main'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'bench'],
    ]) {
      const r = spawnSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV } });
      if (r.status !== 0) throw new Error(`git ${args[0]} in ${dir}: ${r.stderr}`);
    }
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `nx ...args` in `dir`, synchronously; throws with its output when it fails. */
export function nxSync(dir, args, env = {}) {
  const r = spawnSync(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV, ...NX_ENV, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`nx ${args.join(' ')} in ${dir} failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
  return r.stdout;
}
