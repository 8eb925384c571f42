/**
 * A repository mid-train for `nx release-status` tests: three lines (24: LTS past its end of
 * life, with an untagged patch; 48: released, a patch pull request open; 49: in candidates),
 * main at 50.0.0-dev; a local registry holding part of 49.0.0-rc.2; the local GitHub with the
 * releases, the pull requests and a binding repository. Dates are fixed (commit dates and
 * the clock), so ages and support dates are exact.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../packages/nx-release-train/src/commands/services';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { startRegistry, writeCargoHome, type Registry } from '../../tools/local-registry';
import { gitEnv } from './workspace';

export const TOKEN = 'ghs_statusTestToken0123456789';
export const REPOSITORY = 'bytecodealliance/wasmtime';
export const NOW = Date.parse('2026-10-01T12:00:00Z');
const MARKER = '[automatically-tag-and-release-this-commit]';

export const SETTINGS = {
  supportedLines: 2,
  ltsEvery: 12,
  ltsMonths: 24,
  devSuffix: 'dev',
  candidates: true,
  registry: 'local',
  artifacts: {
    builds: [
      { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-latest' },
      { target: 'aarch64-apple-darwin', runner: 'macos-latest' },
    ],
  },
  bindings: { repos: [{ name: 'py', url: 'https://github.com/bytecodealliance/wasmtime-py', rules: [] }] },
};

export interface StatusTrain {
  dir: string;
  api: GitHubApi;
  registry: Registry;
  env: Record<string, string>;
  summary: string;
  /** A fixed clock at NOW. */
  services: (real: Services) => Partial<Services>;
  stop(): Promise<void>;
}

function writeVersion(dir: string, version: string): void {
  writeFileSync(
    join(dir, 'Cargo.toml'),
    `[workspace]\nmembers = ["crates/a", "crates/b"]\nresolver = "2"\n\n[workspace.package]\nversion = "${version}"\nedition = "2021"\n`,
  );
  mkdirSync(join(dir, 'crates/a'), { recursive: true });
  mkdirSync(join(dir, 'crates/b'), { recursive: true });
  writeFileSync(join(dir, 'crates/a/Cargo.toml'), `[package]\nname = "wt-a"\nversion.workspace = true\nedition.workspace = true\n`);
  writeFileSync(
    join(dir, 'crates/b/Cargo.toml'),
    `[package]\nname = "wt-b"\nversion.workspace = true\nedition.workspace = true\n\n[dependencies]\nwt-a = { path = "../a", version = "=${version}" }\n`,
  );
}

export async function startStatusTrain(): Promise<StatusTrain> {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-status-'));
  const git = (args: string[], date = '2026-01-01') =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...gitEnv(), GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
    }).trim();
  const commit = (version: string, title: string, date: string, marker = false) => {
    writeVersion(dir, version);
    git(['add', '-A'], date);
    git(['commit', '-q', '-m', marker ? `${title}\n\n${MARKER}` : title], date);
  };
  const tag = (name: string, date: string) => git(['tag', '-a', name, '-m', name], date);
  mkdirSync(join(dir, 'crates'), { recursive: true });
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ plugins: [{ plugin: 'nx-release-train', options: SETTINGS }] }));
  git(['init', '-q', '-b', 'main']);
  commit('24.0.0', 'Wasmtime 24', '2024-08-05');
  git(['branch', 'release-24.0.0']);
  commit('48.0.0-dev', 'Bump Wasmtime to 48.0.0', '2026-08-05');
  git(['branch', 'release-48.0.0']);
  commit('49.0.0-dev', 'Bump Wasmtime to 49.0.0', '2026-09-05');
  git(['branch', 'release-49.0.0']);
  commit('50.0.0-dev', 'Bump Wasmtime to 50.0.0', '2026-09-05');

  git(['switch', '-q', 'release-24.0.0']);
  commit('24.0.13', 'Release Wasmtime 24.0.13', '2026-08-20', true);
  tag('v24.0.13', '2026-08-20');
  // A patch after the end of life, marked but never tagged.
  commit('24.0.14', 'Release Wasmtime 24.0.14', '2026-09-10', true);

  git(['switch', '-q', 'release-48.0.0']);
  commit('48.0.0', 'Release Wasmtime 48.0.0', '2026-08-20', true);
  tag('v48.0.0', '2026-08-20');

  git(['switch', '-q', 'release-49.0.0']);
  commit('49.0.0-rc.1', 'Release Wasmtime 49.0.0-rc.1', '2026-09-05', true);
  tag('v49.0.0-rc.1', '2026-09-05');
  commit('49.0.0-rc.2', 'Release Wasmtime 49.0.0-rc.2', '2026-09-12', true);
  tag('v49.0.0-rc.2', '2026-09-12');
  git(['switch', '-q', 'main']);

  const registry = await startRegistry();
  const seed = (name: string, vers: string) => registry.seed({ name, vers, deps: [], features: {} }, Buffer.from(`${name}@${vers}`));
  for (const c of ['wt-a', 'wt-b']) for (const v of ['48.0.0', '49.0.0-rc.1']) seed(c, v);
  seed('wt-a', '49.0.0-rc.2');
  const cargoEnv = writeCargoHome(join(dir, '.cargo-home'), registry);

  const pyGit = join(dir, '.py.git');
  execFileSync('git', ['init', '-q', '--bare', pyGit]);
  // GitHub's copy of the repository: its tags are what the tags API answers.
  const origin = join(dir, '.origin.git');
  execFileSync('git', ['clone', '-q', '--bare', dir, origin]);
  const api = await startGitHubApi({
    token: TOKEN,
    repos: { [REPOSITORY]: { gitDir: origin }, 'bytecodealliance/wasmtime-py': { gitDir: pyGit } },
    now: () => new Date(NOW),
  });
  const repo = api.state.repo(REPOSITORY)!;
  const pull = (number: number, title: string, headRef: string, baseRef: string, createdAt: string) => ({
    id: api.state.nextId(),
    number,
    title,
    body: null,
    state: 'open' as const,
    draft: false,
    headOwner: 'bytecodealliance',
    headRef,
    baseRef,
    createdAt,
    updatedAt: createdAt,
  });
  repo.pulls.push(pull(1, 'Release Wasmtime 48.0.1', 'ci/release-48.0.1', 'release-48.0.0', '2026-09-20T08:00:00Z'));
  repo.pulls.push(pull(2, 'Add a feature', 'feature/x', 'main', '2026-06-01T08:00:00Z'));
  api.state.repo('bytecodealliance/wasmtime-py')!.pulls.push(pull(1, 'Update to 48.0.0', 'release-train/update-48.0.0', 'main', '2026-09-25T08:00:00Z'));
  const asset = (name: string) => ({
    id: api.state.nextId(),
    name,
    label: null,
    contentType: 'application/x-xz',
    data: Buffer.from(name),
    digest: 'sha256:00',
    createdAt: '2026-09-12T00:00:00Z',
    updatedAt: '2026-09-12T00:00:00Z',
  });
  const release = (tagName: string, prerelease: boolean, assets: string[]) => ({
    id: api.state.nextId(),
    tagName,
    targetCommitish: 'main',
    name: tagName,
    body: '',
    draft: false,
    prerelease,
    createdAt: '2026-09-12T00:00:00Z',
    publishedAt: '2026-09-12T00:00:00Z',
    assets: assets.map(asset),
  });
  repo.releases.push(release('v48.0.0', false, ['wasmtime-v48.0.0-x86_64-linux.tar.xz', 'wasmtime-v48.0.0-aarch64-macos.tar.xz']));
  repo.releases.push(release('v49.0.0-rc.2', true, ['wasmtime-v49.0.0-rc.2-x86_64-linux.tar.xz']));

  const summary = join(dir, '.step-summary.md');
  const env = { ...cargoEnv, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_STEP_SUMMARY: summary };
  const clock = { now: () => NOW, today: () => '2026-10-01', sleep: async () => undefined };
  return {
    dir,
    api,
    registry,
    env,
    summary,
    services: () => ({ clock }),
    async stop() {
      await api.stop();
      await registry.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
