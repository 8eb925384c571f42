/**
 * In-process command tests: a command runs exactly as `execute()` runs it under Nx (flags
 * through the executor's zod schema, settings from the workspace's nx.json, the request
 * resolved by the command's own `resolve`), against real git, cargo and the local services,
 * with the output captured instead of printed and the environment given explicitly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, CommandInput } from '../../packages/nx-release-train/src/commands/command';
import type { Services } from '../../packages/nx-release-train/src/commands/services';
import { UNDECLARED_FLAGS_ENV } from '../../packages/nx-release-train/src/core/argv';
import { formatFailure } from '../../packages/nx-release-train/src/core/errors';
import { parseFlags, type FlagSchema } from '../../packages/nx-release-train/src/core/flags/define';
import type { Logger } from '../../packages/nx-release-train/src/core/log';
import { pluginOptions, type PluginEntry } from '../../packages/nx-release-train/src/core/settings/nx-json';
import { PLUGIN_NAME } from '../../packages/nx-release-train/src/core/plugin-name';
import { runSettings } from '../../packages/nx-release-train/src/effects/run-settings';
import { rememberRunSecrets } from '../../packages/nx-release-train/src/core/secrets';
import { realServices } from '../../packages/nx-release-train/src/executors/services';

export interface CommandRun<O> {
  ok: boolean;
  result?: O;
  error?: unknown;
  /** Everything the command printed, in order, as the executor would print it. */
  out: string;
}

export interface RunOptions {
  root: string;
  flags?: Record<string, unknown>;
  /** The environment the command sees (nothing of this process's is passed on). */
  env?: Record<string, string | undefined>;
  /** Plugin settings; default: those of `root`'s nx.json. */
  settings?: unknown;
  project?: CommandInput<unknown>['project'];
  graph?: CommandInput<unknown>['graph'];
  /** Replace some services (a fixed clock, a faulty registry). */
  services?: (real: Services) => Partial<Services>;
}

export function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (l) => lines.push(l), warn: (l) => lines.push(l), error: (l) => lines.push(l) } };
}

function settingsOf(root: string): unknown {
  const nxJson = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { plugins?: PluginEntry[] };
  return pluginOptions(nxJson.plugins, PLUGIN_NAME);
}

export async function runCommand<F, R, O>(command: Command<F, R, O>, flagSchema: FlagSchema, opts: RunOptions): Promise<CommandRun<O>> {
  const { log, lines } = captureLog();
  try {
    const flags = parseFlags(flagSchema, opts.flags ?? {}, opts.env?.[UNDECLARED_FLAGS_ENV]) as F;
    const raw = opts.settings !== undefined ? opts.settings : settingsOf(opts.root);
    const options = await runSettings(opts.root, raw);
    // As execute() does: the run's secrets are known to the one masking before anything runs.
    rememberRunSecrets(opts.env ?? {}, options);
    const request = command.resolve({ flags, options, env: opts.env ?? {}, root: opts.root, project: opts.project, graph: opts.graph });
    const real = realServices(opts.root, log);
    const services = { ...real, ...(opts.services?.(real) ?? {}) };
    const result = await command.run(request, services);
    return { ok: result !== false, result, out: lines.join('\n') };
  } catch (error) {
    lines.push(formatFailure(error));
    return { ok: false, error, out: lines.join('\n') };
  }
}
