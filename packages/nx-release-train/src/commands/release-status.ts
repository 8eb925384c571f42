/**
 * `nx release-status`: where the train is, read-only. Gathers source by source (git and its
 * tags, the registry index, GitHub: pull requests, releases, bindings), builds the status
 * model in the pure core (core/status), and shows it as a table, `--json`, `--html FILE`,
 * the status issue (`--issue`) and the step summary (`--summary`). A source that cannot be
 * read is said once and skipped; the rest still shows.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Env } from '../core/env';
import type { ReleaseStatusFlags } from '../core/flags/release-status';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { buildStatus } from '../core/status/build';
import { html } from '../core/status/html';
import { markdown, textTable } from '../core/status/sections';
import type { Gathered, Skipped, Status } from '../core/status/types';
import { githubTarget, type GitHub } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import { envReads, githubReads } from '../core/env-reads';
import { requireRepo } from './steps/repo-checks';
import { gatherLines, mainTip, releaseTags, snapshots, versionAt } from './release-status/gather-git';
import { gatherBindings, gatherPulls, gatherReleases, gatherRemoteTags } from './release-status/gather-github';
import { gatherRegistry, indexOf } from './release-status/gather-registry';
import { keepIssue } from './release-status/issue';
import type { Services } from './services';

export interface ReleaseStatusRequest {
  options: ReleaseTrainOptions;
  json: boolean;
  /** Absolute path of the page to write. */
  html: string | null;
  issue: boolean;
  /** $GITHUB_STEP_SUMMARY when `--summary` (null: the flag is given but the variable unset). */
  summary: { path: string | null } | null;
  github: GitHubTargetRequest;
  /** Cargo's registry configuration and tokens as the environment gives them. */
  cargoEnv: Env;
}

export function resolveReleaseStatus(input: CommandInput<ReleaseStatusFlags>): ReleaseStatusRequest {
  const { flags, options, env, root } = input;
  const cargoEnv = Object.fromEntries(
    Object.entries(env).filter(([k]) => k === 'CARGO_HOME' || k === 'CARGO_REGISTRY_TOKEN' || k.startsWith('CARGO_REGISTRIES_')),
  );
  return {
    // --registry names the registry as for publish: it wins over the setting.
    options: flags.registry ? { ...options, registry: flags.registry } : options,
    json: flags.json,
    html: flags.html ? resolve(root, flags.html) : null,
    issue: flags.issue,
    summary: flags.summary ? { path: env.GITHUB_STEP_SUMMARY || null } : null,
    github: resolveGitHubTarget(options, env, { repository: flags.repository }),
    cargoEnv,
  };
}

/** GitHub, or why it is skipped (no token, no repository). */
async function githubOf(req: ReleaseStatusRequest, services: Services): Promise<GitHub | { skipped: string }> {
  if (!req.github.token) return { skipped: `no token in ${req.github.tokenVar}: pull requests, GitHub releases and bindings skipped` };
  try {
    return await githubTarget(
      req.github,
      { needs: 'reading the train on GitHub', fix: 'read pull requests, releases and issues' },
      services.git(),
      req.options.remote,
    );
  } catch (e) {
    return { skipped: (e as Error).message };
  }
}

export async function gather(req: ReleaseStatusRequest, services: Services): Promise<Gathered> {
  const { options } = req;
  const git = services.git();
  await requireRepo(git);
  const skipped: Skipped[] = [];
  const train = { options, dryRun: true, push: false, log: services.log, git, services };
  const tags = await releaseTags(git, options);
  const problems: string[] = [];
  const snap = snapshots(git, options);
  const lines = await gatherLines(train, snap, tags, problems);
  const mainCommit = await mainTip(git, options);
  const main = mainCommit ? await versionAt(snap, mainCommit) : { version: null, problem: `no ${options.mainBranch} branch` };
  if (main.problem) problems.push(`${options.mainBranch}: ${main.problem}`);
  if (problems.length) skipped.push({ source: 'git', reason: `versions not read for ${problems.join('; ')}` });

  const registry = indexOf(services, options, req.cargoEnv);
  const registryProblem = 'skipped' in registry ? registry.skipped : await gatherRegistry(snap, lines, tags, options, registry.index);
  if (registryProblem) skipped.push({ source: 'registry', reason: registryProblem });

  const gh = await githubOf(req, services);
  let pulls: Gathered['pulls'] = null;
  let bindings: Gathered['bindings'] = null;
  if ('skipped' in gh) skipped.push({ source: 'github', reason: `${gh.skipped}${req.issue ? '; --issue: the status issue was not updated' : ''}` });
  else {
    try {
      pulls = await gatherPulls(services, gh, options);
      await gatherReleases(services, gh, lines, options);
      await gatherRemoteTags(services, gh, lines, options);
    } catch (e) {
      // GitHub unreachable or refusing: said once; the bindings (same API) are not tried.
      pulls = null;
      for (const l of lines) l.release = null;
      skipped.push({
        source: 'github',
        reason: `${(e as Error).message}; pull requests, GitHub releases and bindings skipped${req.issue ? '; --issue: the status issue was not updated' : ''}`,
      });
    }
    if (pulls) {
      try {
        bindings = await gatherBindings(services, gh, lines, options);
      } catch (e) {
        skipped.push({ source: 'bindings', reason: (e as Error).message });
      }
    }
  }
  const repository = 'skipped' in gh ? (req.github.repository?.value ?? null) : gh.repository;
  return { today: services.clock.today(), repository, main: { branch: options.mainBranch, version: main.version }, lines, pulls, bindings, skipped };
}

export async function releaseStatus(req: ReleaseStatusRequest, services: Services): Promise<Status> {
  const status = buildStatus(await gather(req, services), req.options, services.clock.now());
  const md = markdown(status);
  if (req.html) {
    mkdirSync(dirname(req.html), { recursive: true });
    writeFileSync(req.html, html(status));
  }
  if (req.summary) {
    if (req.summary.path) appendFileSync(req.summary.path, md);
    else
      status.skipped.push({ source: 'github', reason: '--summary: GITHUB_STEP_SUMMARY is unset (it is set inside GitHub Actions jobs); no summary written' });
  }
  if (req.json) services.log.info(JSON.stringify(status, null, 2));
  else {
    services.log.info(textTable(status));
    if (req.html) services.log.info(`\nwrote ${req.html}`);
  }
  // After the output, so a refused issue write (a token without issues: write) still shows
  // the status; with --json its notes go to stderr, keeping stdout one JSON document.
  if (req.issue) await keepIssue(req, services, status, md, (line) => (req.json ? services.log.warn(line) : services.log.info(line)));
  return status;
}

export const releaseStatusCommand: Command<ReleaseStatusFlags, ReleaseStatusRequest, Status> = {
  name: 'release-status',
  resolve: resolveReleaseStatus,
  // Read-only: without a token GitHub is skipped, unless --issue asks to write the status there.
  env: ({ flags, options }) =>
    envReads(
      githubReads(options, flags.issue),
      { prefixes: ['CARGO_'] },
      flags.summary ? { required: ['GITHUB_STEP_SUMMARY'] } : { optional: ['GITHUB_STEP_SUMMARY'] },
    ),
  run: releaseStatus,
};
