#!/usr/bin/env node
// npm run demo — the main job, rehearsed end to end on the bundled example in temporary
// directories, on today's train (main at -dev), every step proposed as a pull request and
// merged by a maintainer through the local GitHub API: the graph, the monthly cut with the
// first release candidate, a second candidate, release day, the tags, publishing every crate in
// dependency order to a local Cargo registry (and a rerun that publishes nothing twice), the
// GitHub release with the CLI and C API archives, the binding repositories' pull requests,
// and a patch. Real git, real cargo, real nx; a local Cargo registry and a local GitHub API
// stand in for crates.io and GitHub, so nothing leaves 127.0.0.1. `--keep` keeps the
// directories.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { wasmtimePreset } = require(join(repo, 'packages/nx-release-train/dist/presets/wasmtime.js'));
const keep = process.argv.includes('--keep');

const dir = mkdtempSync(join(tmpdir(), 'nrt-demo-'));
const origin = mkdtempSync(join(tmpdir(), 'nrt-demo-origin-'));
const cargoHome = mkdtempSync(join(tmpdir(), 'nrt-demo-cargo-'));
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

/** nx runs asynchronously: the local GitHub API answers from this very process meanwhile. */
async function nx(...args) {
  console.log(`$ nx ${args.join(' ')}`);
  const { status, out } = await new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', fail);
    child.on('close', (code) => done({ status: code, out: text }));
  });
  if (status !== 0) {
    console.error(out);
    throw new Error(`nx ${args.join(' ')} failed (exit ${status})`);
  }
  // Nx's own banner lines add nothing to a rehearsal.
  console.log(
    out
      .split('\n')
      .filter((l) => l.trim() && !/^\s*(>|NX |Run duration|Cache:|Critical path|Recoverable time)/.test(l.replace(/\u001b\[[0-9;]*m/g, '')))
      .join('\n'),
  );
}

const git = (...args) => sh('git', args).trim();

/** CI's tag job: a detached checkout of the branch tip, tagged and pushed. */
/** Cargo.toml files below the root (relative paths), skipping build output. */
function manifestsUnder(root, rel = '') {
  const out = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !['target', '.git', 'node_modules'].includes(entry.name)) out.push(...manifestsUnder(root, path));
    else if (entry.name === 'Cargo.toml' && rel) out.push(path);
  }
  return out;
}

/** The local registry as a child process (the nx calls here are synchronous). */
async function startRegistry(token) {
  const child = spawn(process.execPath, [join(repo, 'tools/local-registry/dist/cli.js'), '--port', '0', '--quiet', '--index-delay', '300'], {
    env: { ...process.env, LOCAL_REGISTRY_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolveUrl, reject) => {
    let seen = '';
    child.stdout.on('data', (d) => {
      seen += String(d);
      const m = /at (http:\/\/\S+)/.exec(seen);
      if (m) resolveUrl(m[1].replace(/\/$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`the local registry exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const BINDINGS = ['py', 'go', 'dotnet', 'rb', 'cpp'];
const bindingsRoot = mkdtempSync(join(tmpdir(), 'nrt-demo-bindings-'));
const { startGitHubApi } = require(join(repo, 'tools/local-github/dist/index.js'));
let registry;
let github;
try {
  step(`a git repository of examples/mini-wasmtime in ${dir}`);
  cpSync(join(repo, 'examples/mini-wasmtime'), dir, { recursive: true, filter: (src) => !/[\\/]target$/.test(src) });
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ useDaemonProcess: false }, null, 2) + '\n');
  writeFileSync(join(dir, '.gitignore'), 'target\nnode_modules\n.nx\n');
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The example carries the classic train's plain 5.0.0 (the shape of Wasmtime's branches up to
  // release-48.0.0); the repository switches to today's train as Wasmtime did in #14051: every
  // first-party version on main gets the -dev suffix (the header's numeric macros never do).
  for (const file of ['Cargo.toml', 'Cargo.lock', 'crates/c-api/include/wasmtime.h', ...manifestsUnder(dir)]) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/(version = "=?|#define WASMTIME_VERSION ")(5\.0\.0|0\.92\.0)"/g, '$1$2-dev"'));
  }
  sh('git', ['init', '-q', '--bare', origin]);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', origin);
  await nx('g', 'nx-release-train:init', '--preset=wasmtime');
  git('add', '-A');
  git('commit', '-q', '-m', 'Wasmtime in miniature');
  git('push', '-q', 'origin', 'main');
  void wasmtimePreset;

  step('the graph: one project per crate');
  await nx('show', 'projects');
  await nx('show', 'project', 'wasmtime', '--json');

  // GitHub, locally: the API on 127.0.0.1 backed by the bare origin, so pull requests merge
  // into it and tags made through the API land in it. The bot opens pull requests; a
  // maintainer (another token) merges them, as on GitHub.
  const ghToken = 'demo-github-token';
  github = await startGitHubApi({
    token: ghToken,
    users: { 'demo-maintainer-token': 'maintainer' },
    repos: {
      'bytecodealliance/wasmtime': { gitDir: origin, immutableReleases: true },
      ...Object.fromEntries(BINDINGS.map((b) => [`bytecodealliance/wasmtime-${b}`, {}])),
    },
  });
  Object.assign(env, { GITHUB_TOKEN: ghToken, GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'bytecodealliance/wasmtime', GITHUB_ACTOR: 'octocat' });
  const { Octokit } = await import('@octokit/rest');
  const maintainer = new Octokit({ auth: 'demo-maintainer-token', baseUrl: github.url });
  const pulls = () => github.state.repo('bytecodealliance/wasmtime').pulls;
  async function review(number) {
    const pr = pulls().find((p) => p.number === number);
    console.log(
      `-- pull request #${number} "${pr.title}" (${pr.headRef} -> ${pr.baseRef}):\n${pr.body
        .trim()
        .split('\n')
        .map((l) => `   | ${l}`)
        .join('\n')}`,
    );
    const { data } = await maintainer.rest.pulls.merge({ owner: 'bytecodealliance', repo: 'wasmtime', pull_number: number });
    console.log(`-- merged by the maintainer: ${pr.baseRef} is now ${data.sha.slice(0, 12)}`);
    return data.sha;
  }
  /** CI's fresh checkout: the remote's state, no local branches of earlier steps. */
  function checkout(rev) {
    git('fetch', '-q', 'origin', '--prune');
    git('checkout', '-q', '--detach', rev);
    for (const b of sh('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads']).trim().split('\n').filter(Boolean)) git('branch', '-q', '-D', b);
    if (!rev.startsWith('v') && !/^[0-9a-f]{40}$/.test(rev)) git('checkout', '-q', '-B', rev.replace(/^origin\//, ''), rev);
  }

  /** CI after a green build of a merged release commit: the tag, made through the API. */
  async function tagMerged(sha) {
    checkout(sha);
    await nx('release-tag', '--branch=release-5.0.0', '--push', '--via=api');
    git('fetch', '-q', 'origin', '--tags');
    checkout('origin/main');
  }

  step('the 5th: cut release-5.0.0 with its first candidate 5.0.0-rc.1; main to 6.0.0-dev (dry run first: both diffs), proposed as two pull requests');
  await nx('release-major', '--dry-run');
  await nx('release-major', '--push');
  step('a rerun (CI retried the job): the pull request is found, nothing new');
  checkout('origin/main');
  await nx('release-major', '--push');
  await review(1);

  step('CI after a green build: tag the candidate (a pre-release)');
  await tagMerged(await review(2));

  step('a fix landed on the release branch: a second candidate, from main, without a checkout');
  await nx('release-rc', '--target=5.x', '--push');
  await tagMerged(await review(3));

  step('the 20th: release day drops the suffix (5.0.0-rc.2 -> 5.0.0) and dates RELEASES.md, proposed against release-5.0.0');
  checkout('origin/main');
  await nx('release-latest', '--date=2026-12-20', '--push');
  const released = await review(4);

  step('CI after a green build of release-5.0.0: tag the merged release commit through the API');
  await tagMerged(released);

  step('the tag starts publishing: every crate, in dependency order, to a local Cargo registry');
  const token = 'demo-registry-token';
  registry = await startRegistry(token);
  mkdirSync(cargoHome, { recursive: true });
  writeFileSync(join(cargoHome, 'config.toml'), `[registries.local]\nindex = "sparse+${registry.url}/index/"\n\n[source.crates-io]\nreplace-with = "local"\n`);
  // The token travels in the environment only, as in CI.
  Object.assign(env, { CARGO_HOME: cargoHome, CARGO_REGISTRIES_LOCAL_TOKEN: token, CARGO_TARGET_DIR: join(cargoHome, 'target') });
  git('switch', '-q', '--detach', 'v5.0.0');
  await nx('publish-plan', '--registry=local');
  await nx('run-many', '-t', 'publish', '--registry=local');
  step('a rerun (CI retried the job): everything is already in the index, nothing is published twice');
  await nx('run-many', '-t', 'publish', '--registry=local');
  git('switch', '-q', 'main');

  step('where is the train? mid-release, one screen (and the status issue, kept current)');
  await nx('release-status', '--registry=local', '--issue');
  step("each platform's job builds its CLI and C API archives (here: this machine's platform); GitHub is not touched");
  // xz -9 (the preset's level, as Wasmtime's) on a debug-free static library takes a while on
  // two cores; the rehearsal compresses lightly.
  const nxJson = JSON.parse(readFileSync(join(dir, 'nx.json'), 'utf8'));
  nxJson.plugins[0].options.artifacts.compression = 1;
  writeFileSync(join(dir, 'nx.json'), JSON.stringify(nxJson, null, 2) + '\n');
  git('switch', '-q', '--detach', 'v5.0.0');
  await nx('release-artifacts');
  step('the last job: a draft release gets every archive, each is checked by digest, then it is published once (immutable releases on)');
  await nx('release-assets', `--targets=${sh('rustc', ['-vV']).match(/^host: (\S+)/m)[1]}`);
  const release = github.state.repo('bytecodealliance/wasmtime').releases[0];
  console.log(`release ${release.tagName} (${release.draft ? 'draft' : 'published'}): ${release.assets.map((a) => a.name).join(', ')}`);
  git('checkout', '-q', 'nx.json');
  checkout('origin/main');

  step('the binding repositories follow: one pull request each (synthetic repositories shaped like Wasmtime 45.0.0, moved to 46.0.0)');
  const remotes = join(bindingsRoot, 'remotes');
  for (const name of BINDINGS) {
    const work = join(bindingsRoot, 'work', name);
    cpSync(join(repo, `e2e/fixtures/bindings/wasmtime-${name}/before`), work, { recursive: true });
    sh('git', ['init', '-q', '-b', 'main'], { cwd: work });
    sh('git', ['add', '-A'], { cwd: work });
    sh('git', ['commit', '-q', '-m', 'initial'], { cwd: work });
    sh('git', ['init', '-q', '--bare', '-b', 'main', join(remotes, `wasmtime-${name}.git`)]);
    sh('git', ['push', '-q', join(remotes, `wasmtime-${name}.git`), 'main'], { cwd: work });
  }
  // The preset's https://github.com/bytecodealliance/... URLs reach the local bare repositories.
  Object.assign(env, {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `url.file://${remotes}/.insteadOf`,
    GIT_CONFIG_VALUE_0: 'https://github.com/bytecodealliance/',
  });
  await nx('release-bindings', '--version=46.0.0');
  step('a rerun of the bindings: nothing new');
  await nx('release-bindings', '--version=46.0.0');
  delete env.GIT_CONFIG_COUNT;

  step('a security fix: patch the supported lines (dry run), then proposed against each release branch, and tag it');
  await nx('release-patch', '--target=supported', '--dry-run', '--date=2026-12-24');
  await nx('release-patch', '--target=supported', '--push', '--date=2026-12-24');
  // Issues and pull requests share numbers: the status issue took one, so the patch's is the newest.
  const patched = await review(pulls().at(-1).number);
  checkout(patched);
  await nx('release-tag', '--branch=release-5.0.0', '--push', '--via=api');
  console.log(
    `pull requests: ${pulls()
      .map((p) => `#${p.number} ${p.title} (${p.merged ? 'merged' : p.state})`)
      .join('; ')}`,
  );

  step('where is the train now? (the same status issue, edited in place; a page for the browser)');
  await nx('release-status', '--registry=local', '--issue', `--html=${join(cargoHome, 'status.html')}`);
  step('done');
  console.log(
    `remote branches: ${sh('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags'], { cwd: origin }).trim().split('\n').join(', ')}`,
  );
} finally {
  registry?.stop();
  await github?.stop();
  if (keep) console.log(`\nkept: ${dir} (origin: ${origin}, cargo home: ${cargoHome}, bindings: ${bindingsRoot})`);
  else for (const d of [dir, origin, cargoHome, bindingsRoot]) rmSync(d, { recursive: true, force: true });
}
