/**
 * The part of resolve the train's commands (release-major, -latest, -patch, -rc) share: the
 * switches every step reads, `--date` checked as a calendar date, the line from `--target` /
 * `--line`, and Nx's own data directories (never "uncommitted changes" of the user's).
 * Pure: flags, settings and the environment in, data out.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { swallowedFlag } from '../core/argv';
import type { Env } from '../core/env';
import { envReads, githubReads, swallowedReads, type EnvReads } from '../core/env-reads';
import { resolveGitHubTarget, type GitHubTargetRequest } from '../core/github-target';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { isValidDate, ReleaseError } from '../core/release';

export interface TrainRequest {
  options: ReleaseTrainOptions;
  dryRun: boolean;
  push: boolean;
  /** Where `--push` goes (resolved once from flags, environment and settings). */
  github: GitHubTargetRequest;
  /** `--diff-file`: where the diff is also written (relative to the workspace root). */
  diffFile?: string;
}

export function resolveTrain(flags: { dryRun: boolean; push: boolean; diffFile?: string }, options: ReleaseTrainOptions, env: Env): TrainRequest {
  return { options, dryRun: flags.dryRun, push: flags.push, github: resolveGitHubTarget(options, env), diffFile: flags.diffFile };
}

/** What `resolveTrain` reads (plus `lineOf` and `nxDataDirs` for the commands that call them): `--push` needs the GitHub token. */
export function trainReads(
  command: string,
  flags: { push: boolean },
  options: Pick<ReleaseTrainOptions, 'githubTokenEnv'>,
  extra: Partial<EnvReads> = {},
): EnvReads {
  return envReads(githubReads(options, flags.push), swallowedReads(command), extra);
}

/** The variables `nxDataDirs` reads. */
export const NX_DATA_READS: Partial<EnvReads> = { optional: ['NX_CACHE_DIRECTORY', 'NX_WORKSPACE_DATA_DIRECTORY'] };

/** `--date`, checked as a calendar date (the schema checks only its shape). */
export function checkDate(date: string | undefined): string | undefined {
  if (date !== undefined && !isValidDate(date)) throw new ReleaseError(`--date=${date} is not a calendar date`, 'pass --date=YYYY-MM-DD');
  return date;
}

/**
 * The release line asked for: `--target` (Nx keeps it for itself, so the plugin's
 * preTasksExecution hook hands it on in NX_RELEASE_TRAIN_ARG_TARGET; a flag that does reach
 * the executor is the same option) or its alias `--line`. Two different lines are refused:
 * which one was meant cannot be told.
 */
export function lineOf(flags: { target?: string | number; line?: string | number }, env: Env): string | undefined {
  const target = swallowedFlag('target', flags.target, env);
  const [t, l] = [target, flags.line].map((v) => (v === undefined ? undefined : String(v)));
  if (t !== undefined && l !== undefined && t !== l) {
    throw new ReleaseError(`--target=${t} and --line=${l} name different release lines`, 'pass one of them (--line is another name for --target)');
  }
  return t ?? l;
}

/**
 * Nx's own cache and workspace data, relative to the workspace root: files Nx writes while the
 * command runs, which a workspace whose .gitignore lacks them would otherwise see as
 * uncommitted changes. The defaults stay listed when a variable moves them (an earlier run
 * may have written there); a directory outside the workspace is no concern of git's here.
 * `.nx/installation` and `.nx/version-plans` are not among them: those are committed.
 */
export function nxDataDirs(root: string, env: Env): string[] {
  const dirs = ['.nx/cache', '.nx/workspace-data'];
  for (const v of [env.NX_CACHE_DIRECTORY, env.NX_WORKSPACE_DATA_DIRECTORY]) {
    if (!v) continue;
    const rel = relative(root, resolve(root, v)).split(sep).join('/');
    if (rel && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel) && !dirs.includes(rel)) dirs.push(rel);
  }
  return dirs;
}
