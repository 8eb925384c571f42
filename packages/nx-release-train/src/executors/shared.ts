/**
 * The one place where executors meet Nx: the plugin options are resolved once (nx.json's,
 * with a target's own settings over them) and refused when invalid, and every failure is
 * printed by the one printer and becomes `{ success: false }`.
 */
import { logger, type ExecutorContext } from '@nx/devkit';
import { flagEnv } from '../core/argv';
import { resolveGitHubTarget } from '../core/github-target';
import type { Crate } from '../core/model';
import { formatFailure, ReleaseError } from '../core/errors';
import { pluginOptions, type PluginEntry } from '../core/settings/nx-json';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { isValidDate } from '../core/release';
import { runSettings } from '../effects/run-settings';
import type { CommandContext, Logger } from '../commands/command-context';
import { crateOf, publishContext, type PublishContext } from '../commands/publish/publish-context';
import { PLUGIN_NAME } from '../core/plugin-name';

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

export interface CommonFlags {
  dryRun?: boolean;
  push?: boolean;
}

/** The plugin's options from the nx.json Nx already read for this run. */
export function pluginOptionsOf(context: ExecutorContext): unknown {
  return pluginOptions(context.nxJsonConfiguration?.plugins as PluginEntry[] | undefined, PLUGIN_NAME);
}

const resolved = new WeakMap<object, ReleaseTrainOptions>();

/**
 * The plugin options every executor works with: checked against the one schema and against
 * the workspace (the graph reported any problem already; a run refuses to go on with them), with `overrides` (a
 * target's own plugin settings) over nx.json's. Resolved once per process per nx.json.
 */
export function resolvedOptions(context: ExecutorContext, overrides: Record<string, unknown> = {}): ReleaseTrainOptions {
  const raw = pluginOptionsOf(context);
  const key = Object.keys(overrides).length === 0 && raw && typeof raw === 'object' ? raw : undefined;
  const cached = key && resolved.get(key);
  if (cached) return cached;
  const options = runSettings(context.root, { ...((raw as object | undefined) ?? {}), ...overrides });
  if (key) resolved.set(key, options);
  return options;
}

export function makeContext(context: ExecutorContext, flags: CommonFlags, log: Logger = consoleLogger): CommandContext {
  const options = resolvedOptions(context);
  return { root: context.root, options, dryRun: flags.dryRun === true, push: flags.push === true, log, github: resolveGitHubTarget(options, process.env) };
}

/** The registry side of a run (workspace model, options, registry, index) for `registry` or the setting. */
export function publishContextOf(context: ExecutorContext, registry?: string | null): PublishContext {
  return publishContext(context.root, resolvedOptions(context), registry);
}

/** The crate behind the project the executor runs for. */
export function projectCrate(ctx: PublishContext, context: ExecutorContext): Crate {
  const name = context.projectName ?? '';
  return crateOf(ctx, name, context.projectsConfigurations?.projects[name]?.root);
}

/** `--version` is Nx's own flag; the plugin's preTasksExecution hook hands it on. */
export function versionFlag(version: unknown): string | undefined {
  return version !== undefined ? String(version) : process.env[flagEnv('version')];
}

/** Nx's logger, warnings prefixed (the artifacts, assets commands speak through it). */
export const nxLogger: Logger = { info: (line) => logger.info(line), warn: (line) => logger.warn(`warning: ${line}`), error: (line) => logger.error(line) };

/** The GitHub variables a command reads from the environment (unset or empty: undefined). */
export function githubEnv(): { GITHUB_TOKEN?: string; GITHUB_API_URL?: string; GITHUB_REPOSITORY?: string } {
  return { GITHUB_TOKEN: process.env.GITHUB_TOKEN || undefined, GITHUB_API_URL: process.env.GITHUB_API_URL || undefined, GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY || undefined };
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkDate(date: string | undefined): string {
  const value = date ?? todayUtc();
  if (!isValidDate(value)) throw new ReleaseError(`--date=${value} is not a calendar date`, 'pass --date=YYYY-MM-DD');
  return value;
}

/**
 * The one adapter from a command to Nx's executor result: a failure is printed by the one
 * printer and becomes `{ success: false }`; the body may also return false (it has said why).
 */
export async function execute(body: () => Promise<void | boolean>): Promise<{ success: boolean }> {
  try {
    return { success: (await body()) !== false };
  } catch (err) {
    console.error(formatFailure(err));
    return { success: false };
  }
}
