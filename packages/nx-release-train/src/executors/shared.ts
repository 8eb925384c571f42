/**
 * The one place where release commands meet Nx: options are read (nx.json's plugin options
 * under the executor's own), errors become one clear message and `success: false`.
 */
import type { ExecutorContext } from '@nx/devkit';
import { pluginOptions, type PluginEntry } from '../core/nx-json';
import { resolveOptions } from '../core/options';
import { isValidDate, ReleaseError } from '../core/release';
import type { CommandContext, Logger } from '../commands/context';
import { describeError } from '../commands/errors';

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

export interface CommonFlags {
  dryRun?: boolean;
  push?: boolean;
}

/** The plugin's options from the nx.json Nx already read for this run. */
export function pluginOptionsOf(context: ExecutorContext): unknown {
  return pluginOptions(context.nxJsonConfiguration?.plugins as PluginEntry[] | undefined, 'nx-release-train');
}

export function makeContext(context: ExecutorContext, flags: CommonFlags, log: Logger = consoleLogger): CommandContext {
  const { options, problems } = resolveOptions(pluginOptionsOf(context));
  if (problems.length > 0) {
    throw new ReleaseError(
      `nx.json has invalid nx-release-train options:\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join('\n')}`,
      problems.map((p) => p.fix).join('; '),
    );
  }
  return { root: context.root, options, dryRun: flags.dryRun === true, push: flags.push === true, log };
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkDate(date: string | undefined): string {
  const value = date ?? todayUtc();
  if (!isValidDate(value)) throw new ReleaseError(`--date=${value} is not a calendar date`, 'pass --date=YYYY-MM-DD');
  return value;
}

/** Runs a command, turning every known failure into one message with its fix. */
export async function execute(body: () => Promise<void>): Promise<{ success: boolean }> {
  try {
    await body();
    return { success: true };
  } catch (err) {
    console.error(describeError(err));
    return { success: false };
  }
}
