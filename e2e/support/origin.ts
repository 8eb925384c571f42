/**
 * A test repository's `origin`: a bare repository holding `main` and `release-5.0.0`, the local
 * GitHub API backed by it (what `--push` needs: token, API and repository), and commits that
 * someone else lands on it. Everything made is handed to `cleanups`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { gitEnv, makeWorkspace, type TempWorkspace } from './workspace';

export const GH_TOKEN = 'ghs_reliabilityBotToken0123456789';
export const REPOSITORY = 'bytecodealliance/wasmtime';

export type Cleanups = Array<() => void | Promise<void>>;

/** The local GitHub API backed by `remote`, and the environment a `--push` run needs for it. */
export async function gitHubFor(remote: TempWorkspace, cleanups: Cleanups): Promise<{ api: GitHubApi; env: Record<string, string>; stop(): Promise<void> }> {
  const api = await startGitHubApi({ token: GH_TOKEN, repos: { [REPOSITORY]: { gitDir: remote.dir } } });
  cleanups.push(() => api.stop());
  return { api, env: { GITHUB_TOKEN: GH_TOKEN, GITHUB_API_URL: api.url, GITHUB_REPOSITORY: REPOSITORY }, stop: () => api.stop() };
}

/** A bare `origin` for `ws`, with `release-5.0.0` on it and fetched. */
export function withOrigin(ws: TempWorkspace, cleanups: Cleanups): TempWorkspace {
  const remote = makeWorkspace({});
  cleanups.push(remote.cleanup);
  remote.git(['init', '-q', '--bare', '.']);
  ws.git(['remote', 'add', 'origin', remote.dir]);
  ws.git(['push', '-q', 'origin', 'main', 'release-5.0.0']);
  ws.git(['fetch', '-q', 'origin']);
  return remote;
}

/** Someone else lands a commit on origin's release-5.0.0. */
export function landOnOrigin(remote: TempWorkspace, file: string, text: string, cleanups: Cleanups): void {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-other-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv(), stdio: 'ignore' });
  git(['clone', '-q', '-b', 'release-5.0.0', remote.dir, '.']);
  writeFileSync(join(dir, file), text);
  git(['add', file]);
  git(['commit', '-q', '-m', 'fix on origin']);
  git(['push', '-q', 'origin', 'release-5.0.0']);
}
