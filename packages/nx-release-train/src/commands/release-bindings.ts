/**
 * `nx release-bindings`: every selected binding repository in turn. One failing repository
 * does not stop the others; the closing table says what happened to each.
 */
import * as semver from 'semver';
import { renderTable, type RepoOutcome } from '../core/bindings/report';
import { gitHostOfApi } from '../core/bindings/git-host';
import { resolveRepo } from '../core/bindings/rules';
import { resolveBindings } from '../core/bindings/settings';
import { fillPattern, type ReleaseTrainOptions } from '../core/settings/options';
import { ReleaseError } from '../core/release';
import type { Logger } from './command-context';
import { githubPulls, type PullsApi } from '../effects/github-pulls';
import { workspaceModel } from '../effects/workspace-model';
import { updateRepo } from './release-bindings/update-repo';

export interface BindingsInput {
  root: string;
  options: ReleaseTrainOptions;
  /** Default: the workspace's `[workspace.package] version`. */
  version?: string;
  /** Repo names to limit the run to. */
  only: string[];
  dryRun: boolean;
  /** Overrides `bindings.githubApiUrl`. */
  githubApiUrl?: string;
  /** The variables this step reads (tests pass their own). */
  env: { GITHUB_TOKEN?: string; GITHUB_API_URL?: string };
  log: Logger;
}

const DEFAULT_API = 'https://api.github.com';

export async function releaseBindings(input: BindingsInput): Promise<RepoOutcome[]> {
  const { bindings, problems } = resolveBindings(input.options.bindings);
  if (problems.length) {
    throw new ReleaseError(`nx.json has invalid bindings settings:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`, problems.map((p) => p.fix).join('; '));
  }
  const repos = select(bindings.repos.map((r) => resolveRepo(r, bindings)), input.only);
  const version = input.version ?? workspaceVersion(input.root);
  if (!semver.valid(version)) throw new ReleaseError(`--version=${version} is not a version X.Y.Z`, 'pass --version=X.Y.Z');
  const token = input.env.GITHUB_TOKEN || undefined;
  if (!input.dryRun && !token && repos.some((r) => r.github)) {
    throw new ReleaseError('GITHUB_TOKEN is not set: the pull requests cannot be opened, so nothing was pushed', 'export GITHUB_TOKEN with a token allowed to push branches and open pull requests in the binding repositories');
  }
  const apiUrl = input.githubApiUrl ?? bindings.githubApiUrl ?? (input.env.GITHUB_API_URL || DEFAULT_API);
  const gitHost = gitHostOfApi(apiUrl);
  if (!gitHost) throw new ReleaseError(`the GitHub API URL "${apiUrl}" is not a URL`, 'set bindings.githubApiUrl (or GITHUB_API_URL) to e.g. https://api.github.com');
  const title = fillPattern(bindings.title, version);
  const pulls = (repository: string): Promise<PullsApi> => githubPulls({ token: token ?? '', baseUrl: apiUrl, repository });

  input.log.info(`${input.dryRun ? 'dry run: ' : ''}moving ${repos.length} binding ${repos.length === 1 ? 'repository' : 'repositories'} to ${version}`);
  const outcomes: RepoOutcome[] = [];
  for (const repo of repos) {
    outcomes.push(await updateRepo(repo, { version, title, dryRun: input.dryRun, token, gitHost, log: input.log, pulls }));
  }
  input.log.info(`\n${renderTable(outcomes)}`);
  return outcomes;
}

/** A failed repository makes the command fail after every other one has had its turn. */
export function requireAllDone(outcomes: RepoOutcome[]): void {
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
    throw new ReleaseError('no binding repositories are configured', 'add bindings.repos to the nx-release-train options in nx.json (the wasmtime preset declares five)');
  }
  if (only.length === 0) return repos;
  const unknown = only.filter((name) => !repos.some((r) => r.name === name));
  if (unknown.length) {
    throw new ReleaseError(`--only names unknown binding repositories: ${unknown.join(', ')}`, `use names from bindings.repos: ${repos.map((r) => r.name).join(', ')}`);
  }
  return repos.filter((r) => only.includes(r.name));
}

function workspaceVersion(root: string): string {
  const ws = workspaceModel(root);
  if (!ws.version) {
    throw new ReleaseError(`${ws.rootManifest} has no [workspace.package] version to follow`, 'pass --version=X.Y.Z');
  }
  return ws.version;
}
