/**
 * The one adapter from Nx to a command: flags parsed by the executor's zod schema (plain ones
 * checked against its schema.json without loading zod: core/flags/plain.ts), the plugin
 * settings resolved once, the environment read once, the request resolved by the command's
 * pure `resolve`, real services built, and every failure printed by the one printer as
 * `{ success: false }`. Executors are one line: `executorFor(command, flags)`.
 */
import type { ExecutorContext } from '@nx/devkit';
import type { Command, CommandInput } from '../commands/command';
import type { Logger } from '../core/log';
import { UNDECLARED_FLAGS_ENV } from '../core/argv';
import { formatFailure } from '../core/errors';
import { parseFlags, type FlagSchema } from '../core/flags/define';
import { maskedLog } from '../core/log';
import { rememberRunSecrets } from '../core/secrets';
import { flagsJson } from './flags-json';
import { resolvedOptions } from './shared';
import { writeWhole } from './whole-output';
import { realServices } from './services';

/** Nx's output: every line through the one masking of secrets (core/secrets.ts). */
export const consoleOutput: Logger = maskedLog({
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
  block: (text) => writeWhole(process.stdout, text),
});

/** The publish target's `concurrency` as configured in the graph (the batch's real parallelism). */
function publishConcurrency(context: ExecutorContext): number | undefined {
  for (const project of Object.values(context.projectsConfigurations?.projects ?? {})) {
    const c = (project.targets?.publish?.options as { concurrency?: unknown } | undefined)?.concurrency;
    if (typeof c === 'number') return c;
  }
  return undefined;
}

/** Everything a command's `resolve` reads, from Nx's context and this process. */
export async function commandInput<F>(flagSchema: FlagSchema, raw: unknown, context: ExecutorContext): Promise<CommandInput<F>> {
  const json = flagsJson(flagSchema.name);
  const flags = parseFlags(flagSchema, raw, process.env[UNDECLARED_FLAGS_ENV], json) as Record<string, unknown>;
  // A pass-through executor's unknown keys are the target's own plugin settings.
  const known = new Set(Object.keys(json.properties));
  const overrides = flagSchema.passThrough ? Object.fromEntries(Object.entries(flags).filter(([k]) => !known.has(k))) : {};
  const name = context.projectName;
  const options = await resolvedOptions(context, overrides);
  const env = { ...process.env };
  rememberRunSecrets(env, options);
  return {
    flags: flags as F,
    options,
    env,
    root: context.root,
    project: name ? { name, root: context.projectsConfigurations?.projects[name]?.root } : undefined,
    graph: { publishConcurrency: publishConcurrency(context) },
  };
}

/** Runs `command` for Nx: `{ success: false }` on any failure (printed once) or when run returns false. */
export async function execute<F, R, O>(
  command: Command<F, R, O>,
  flagSchema: FlagSchema,
  raw: unknown,
  context: ExecutorContext,
  log: Logger = consoleOutput,
): Promise<{ success: boolean }> {
  try {
    const request = command.resolve(await commandInput<F>(flagSchema, raw, context));
    const result = await command.run(request, realServices(context.root, log));
    return { success: result !== false };
  } catch (err) {
    log.error(formatFailure(err));
    return { success: false };
  }
}

/**
 * An Nx executor for `command` with its flag schema; both stay reachable on the executor, so a
 * test finds every command (and what it reads from the environment) through executors.json.
 */
export function executorFor<F, R, O>(command: Command<F, R, O>, flagSchema: FlagSchema) {
  return Object.assign((raw: unknown, context: ExecutorContext) => execute(command, flagSchema, raw, context), { command, flagSchema });
}
