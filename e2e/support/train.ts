/**
 * The release train as CI runs it, for e2e tests: a bare `origin` holding the example with
 * the `wasmtime` preset, `main` and `release-*` protected (pushes cannot move them), the
 * local GitHub API backed by that bare repository (pull requests
 * merge into it, tag refs land in it), and each step run in a fresh clone, as a workflow job
 * checks out the repository: by the real nx CLI (`step`) or with the command in-process
 * (`stepInProcess`, the same flags and environment). A maintainer merges through the API
 * with their own token. While a step runs, every process's argv is sampled for the token.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { runTrain } from './train-cli';
import { exampleRepo } from './fixtures';
import { gitEnv, nxAsync, repoRoot } from './workspace';

export const BOT_TOKEN = 'ghs_e2eTrainBotToken0123456789';
export const MAINTAINER_TOKEN = 'ghp_e2eMaintainerToken0123456789';
export const REPOSITORY = 'bytecodealliance/wasmtime';

export const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: gitEnv() }).trim();

export interface StepRun {
  status: number | null;
  out: string;
  /** The clone the step ran in (removed at cleanup). */
  dir: string;
}

export interface StepOptions {
  env?: NodeJS.ProcessEnv;
  dir?: string;
  checkout?: string;
}

export interface Train {
  origin: string;
  api: GitHubApi;
  maintainer: import('@octokit/rest').Octokit;
  /** Every process argument list seen while nx ran that contained the bot token. */
  leaks: string[];
  /** A fresh clone of origin (all branches as origin/*), `checkout` checked out. */
  clone(checkout?: string): string;
  /** `nx <args>` in a fresh clone (or `dir`), as the workflow runs it. */
  step(args: string[], opts?: StepOptions): Promise<StepRun>;
  /** The same step with the train command in-process instead of nx (status 0 or 1). */
  stepInProcess(args: string[], opts?: StepOptions): Promise<StepRun>;
  /** origin's refs, `refname sha` lines. */
  refs(): string;
  pulls(): NonNullable<ReturnType<GitHubApi['state']['repo']>>['pulls'];
  merge(number: number, method?: 'merge' | 'squash' | 'rebase'): Promise<string>;
  cleanup(): Promise<void>;
}

/**
 * Like GitHub's branch protection on `main` and `release-*`: a push may create such a branch
 * but never move one; only merging a pull request (the API) does.
 */
const PROTECT = `#!/bin/sh
zero=0000000000000000000000000000000000000000
while read old new ref; do
  case "$ref" in
    refs/heads/main|refs/heads/release-*)
      if [ "$old" != "$zero" ]; then echo "protected branch: $ref moves only through a pull request" >&2; exit 1; fi ;;
  esac
done
`;

export async function startTrain(options: Record<string, unknown> = {}, protect = true): Promise<Train> {
  const ws = exampleRepo({ ...wasmtimePreset, ...options });
  const root = mkdtempSync(join(tmpdir(), 'nrt-train-'));
  const origin = join(root, 'origin.git');
  git(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  git(ws.dir, ['push', '-q', origin, 'main']);
  ws.cleanup();
  if (protect) writeFileSync(join(origin, 'hooks/pre-receive'), PROTECT, { mode: 0o755 });
  const api = await startGitHubApi({ token: BOT_TOKEN, users: { [MAINTAINER_TOKEN]: 'maintainer' }, repos: { [REPOSITORY]: { gitDir: origin } } });
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  const maintainer = new Octokit({ auth: MAINTAINER_TOKEN, baseUrl: api.url, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
  const [owner, repo] = REPOSITORY.split('/');
  const leaks: string[] = [];
  let clones = 0;

  const clone = (checkout?: string) => {
    const dir = join(root, `clone-${++clones}`);
    git(root, ['clone', '-q', origin, dir]);
    if (checkout) git(dir, ['checkout', '-q', checkout]);
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  };

  /** Runs one step in a fresh clone (or `opts.dir`) with the workflow's environment, sampling argv for the token. */
  const sampled = async (
    opts: StepOptions,
    run: (dir: string, env: NodeJS.ProcessEnv) => Promise<{ status: number | null; out: string }>,
  ): Promise<StepRun> => {
    const dir = opts.dir ?? clone(opts.checkout);
    const env = { GITHUB_TOKEN: BOT_TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_ACTOR: 'octocat', ...opts.env };
    const sampler = setInterval(() => leaks.push(...argvWith(BOT_TOKEN)), 25);
    try {
      return { ...(await run(dir, env)), dir };
    } finally {
      clearInterval(sampler);
    }
  };

  return {
    origin,
    api,
    maintainer,
    leaks,
    clone,
    step: (args, opts = {}) =>
      sampled(opts, async (dir, env) => {
        const started = Date.now();
        // As users' nx runs: plugins isolated in their own workers (Nx's default).
        const r = await nxAsync(dir, args, { ...env, NX_ISOLATE_PLUGINS: 'true' });
        console.log(`nx ${args.join(' ')}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return r;
      }),
    stepInProcess: (args, opts = {}) =>
      sampled(opts, async (dir, env) => {
        const r = await runTrain(dir, args, env);
        return { status: r.ok ? 0 : 1, out: r.out };
      }),
    refs: () => git(origin, ['for-each-ref', '--format=%(refname) %(objectname)']),
    pulls: () => api.state.repo(REPOSITORY)!.pulls,
    async merge(number, method = 'merge') {
      const { data } = await maintainer.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: method });
      return data.sha;
    },
    async cleanup() {
      await api.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Command lines of running processes that contain `secret` (Linux /proc). */
function argvWith(secret: string): string[] {
  const hits: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (argv.includes(secret)) hits.push(argv.replaceAll('\0', ' '));
    } catch {
      // the process ended meanwhile
    }
  }
  return hits;
}
