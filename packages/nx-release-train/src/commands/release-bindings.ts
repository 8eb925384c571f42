/**
 * `nx release-bindings`: every selected binding repository in turn. One failing repository
 * does not stop the others; the closing table says what happened to each.
 */
import { swallowedFlag } from '../core/argv';
import * as semver from 'semver';
import { renderTable, type RepoOutcome } from '../core/bindings/report';
import { gitHostOfApi } from '../core/bindings/git-host';
import { resolveRepo } from '../core/bindings/rules';
import { listOf } from '../core/flags/define';
import type { ReleaseBindingsFlags } from '../core/flags/release-bindings';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import type { Workspace } from '../core/model';
import { fillPattern } from '../core/settings/pattern';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { ReleaseError } from '../core/release';
import { requireGitHubToken } from '../effects/github-target';
import type { PullsApi } from '../effects/github-pulls';
import type { Command, CommandInput } from './command';
import { envReads, githubReads, swallowedReads } from '../core/env-reads';
import { updateRepo } from './release-bindings/update-repo';
import type { Services } from './services';

export interface ReleaseBindingsRequest {
  /** The plugin settings, `bindings` already checked by the one schema. */
  options: ReleaseTrainOptions;
  /** Default: the workspace's `[workspace.package] version`. */
  version?: string;
  /** Repo names to limit the run to. */
  only: string[];
  dryRun: boolean;
  /** The API and token; each binding repository names its own GitHub repository. */
  github: GitHubTargetRequest;
  /** Propose jumps across more majors than bindings.maxMajorJump. */
  force: boolean;
}

export function resolveReleaseBindings({ flags, options, env }: CommandInput<ReleaseBindingsFlags>): ReleaseBindingsRequest {
  return {
    options,
    version: swallowedFlag('version', flags.version, env),
    only: listOf(flags.only),
    dryRun: flags.dryRun,
    github: resolveGitHubTarget(options, env, { githubApiUrl: flags.githubApiUrl }),
    force: flags.force,
  };
}

/** Every repository has its turn; then the command fails if any failed (the table says which). */
export async function releaseBindings(req: ReleaseBindingsRequest, services: Services): Promise<RepoOutcome[]> {
  const outcomes = await updateAll(req, services);
  requireAllDone(outcomes);
  return outcomes;
}

async function updateAll(req: ReleaseBindingsRequest, services: Services): Promise<RepoOutcome[]> {
  const { bindings } = req.options;
  const log = services.log;
  const repos = select(
    bindings.repos.map((r) => resolveRepo(r, bindings)),
    req.only,
  );
  const version = req.version ?? workspaceVersion(services.model());
  if (!semver.valid(version)) throw new ReleaseError(`--version=${version} is not a version X.Y.Z`, 'pass --version=X.Y.Z');
  const { token, tokenVar, apiUrl } = req.github;
  if (!req.dryRun && repos.some((r) => r.github)) {
    requireGitHubToken(req.github, {
      needs: 'release-bindings (to open the pull requests)',
      fix: 'push branches and open pull requests in the binding repositories',
      without: '--dry-run shows every change without one',
    });
  }
  const gitHost = gitHostOfApi(apiUrl);
  if (!gitHost)
    throw new ReleaseError(
      `the GitHub API URL "${apiUrl}" is not a URL`,
      'set --github-api-url, GITHUB_API_URL or the "githubApiUrl" setting to e.g. https://api.github.com',
    );
  const title = fillPattern(bindings.title, version);
  const pulls = (repository: string): Promise<PullsApi> => services.github.pulls({ token: token ?? '', baseUrl: apiUrl, repository });

  log.info(`${req.dryRun ? 'dry run: ' : ''}moving ${repos.length} binding ${repos.length === 1 ? 'repository' : 'repositories'} to ${version}`);
  const outcomes: RepoOutcome[] = [];
  for (const repo of repos) {
    const follow = { force: req.force, only: req.only, maxMajorJump: bindings.maxMajorJump, ltsEvery: req.options.ltsEvery };
    outcomes.push(await updateRepo(repo, { version, title, dryRun: req.dryRun, token, tokenVar, gitHost, log, pulls, follow }));
  }
  log.info(`\n${renderTable(outcomes)}`);
  return outcomes;
}

/** A failed repository makes the command fail after every other one has had its turn. */
function requireAllDone(outcomes: RepoOutcome[]): void {
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length) {
    throw new ReleaseError(
      `${failed.length} of ${outcomes.length} binding repositories failed: ${failed.map((o) => o.repo).join(', ')}`,
      `fix what the messages above say, then rerun (\`--only=${failed.map((o) => o.repo).join(',')}\` retries just those; done repositories stay as they are)`,
    );
  }
}

function select<T extends { name: string }>(repos: T[], only: string[]): T[] {
  if (repos.length === 0) {
    throw new ReleaseError(
      'no binding repositories are configured',
      'add bindings.repos to the nx-release-train options in nx.json (the wasmtime preset declares five)',
    );
  }
  if (only.length === 0) return repos;
  const unknown = only.filter((name) => !repos.some((r) => r.name === name));
  if (unknown.length) {
    throw new ReleaseError(
      `--only names unknown binding repositories: ${unknown.join(', ')}`,
      `use names from bindings.repos: ${repos.map((r) => r.name).join(', ')}`,
    );
  }
  return repos.filter((r) => only.includes(r.name));
}

function workspaceVersion(ws: Workspace): string {
  if (!ws.version) {
    throw new ReleaseError(`${ws.rootManifest} has no [workspace.package] version to follow`, 'pass --version=X.Y.Z');
  }
  return ws.version;
}

export const releaseBindingsCommand: Command<ReleaseBindingsFlags, ReleaseBindingsRequest, RepoOutcome[]> = {
  name: 'release-bindings',
  resolve: resolveReleaseBindings,
  env: ({ flags, options }) => envReads(githubReads(options, !flags.dryRun), swallowedReads('release-bindings')),
  run: releaseBindings,
};
