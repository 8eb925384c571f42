/**
 * The train's commands in-process, called with the argument list a maintainer types after
 * `nx` (`['release-patch', '--target=4.x', '--date=2026-12-01']`): the flags reach the
 * command as Nx hands them to the executor (kebab-case to camelCase, bare numbers as
 * numbers), and a flag Nx keeps for itself (`--target`) travels in the variable the plugin's
 * preTasksExecution hook sets (computed by the hook's own function), as under the real nx CLI. That Nx really does so is proven
 * once, in e2e/train.e2e.ts.
 */
import { releaseLatestCommand } from '../../packages/nx-release-train/src/commands/release-latest';
import { releaseMajorCommand } from '../../packages/nx-release-train/src/commands/release-major';
import { releasePatchCommand } from '../../packages/nx-release-train/src/commands/release-patch';
import { releaseRcCommand } from '../../packages/nx-release-train/src/commands/release-rc';
import { releaseTagCommand } from '../../packages/nx-release-train/src/commands/release-tag';
import type { Command } from '../../packages/nx-release-train/src/commands/command';
import { NX_OWN_FLAGS, swallowedFlagEnv } from '../../packages/nx-release-train/src/core/argv';
import type { FlagSchema } from '../../packages/nx-release-train/src/core/flags/define';
import { releaseLatestFlags } from '../../packages/nx-release-train/src/core/flags/release-latest';
import { releaseMajorFlags } from '../../packages/nx-release-train/src/core/flags/release-major';
import { releasePatchFlags } from '../../packages/nx-release-train/src/core/flags/release-patch';
import { releaseRcFlags } from '../../packages/nx-release-train/src/core/flags/release-rc';
import { releaseTagFlags } from '../../packages/nx-release-train/src/core/flags/release-tag';
import { runCommand, type CommandRun, type RunOptions } from './command';

type AnyCommand = Command<never, never, unknown>;
const TRAIN: Record<string, [AnyCommand, FlagSchema]> = {
  'release-major': [releaseMajorCommand as unknown as AnyCommand, releaseMajorFlags],
  'release-latest': [releaseLatestCommand as unknown as AnyCommand, releaseLatestFlags],
  'release-patch': [releasePatchCommand as unknown as AnyCommand, releasePatchFlags],
  'release-rc': [releaseRcCommand as unknown as AnyCommand, releaseRcFlags],
  'release-tag': [releaseTagCommand as unknown as AnyCommand, releaseTagFlags],
};

/** `['release-patch', '--target=4.x', '--dry-run']` as the executor receives it. */
export function trainArgs(argv: string[]): { name: string; flags: Record<string, unknown>; env: Record<string, string> } {
  const [name, ...rest] = argv;
  if (!TRAIN[name]) throw new Error(`not a train command: ${name}`);
  const flags: Record<string, unknown> = {};
  // What the plugin's preTasksExecution hook hands on (the flags Nx swallows).
  const hooked = swallowedFlagEnv(['nx', ...argv], Object.keys(TRAIN));
  const env = Object.fromEntries(Object.entries(hooked).filter((e): e is [string, string] => e[1] !== undefined));
  for (const arg of rest) {
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}`);
    const [, flag, value] = m;
    if (NX_OWN_FLAGS.includes(flag) && value !== undefined) continue;
    const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    flags[key] = value === undefined ? true : /^\d+$/.test(value) ? Number(value) : value;
  }
  return { name, flags, env };
}

export type TrainRunOptions = Omit<RunOptions, 'root' | 'flags' | 'env'>;

/** One train command in `root`, with `env` as the whole environment it sees. */
export function runTrain(root: string, argv: string[], env: Record<string, string | undefined> = {}, opts: TrainRunOptions = {}): Promise<CommandRun<unknown>> {
  const { name, flags, env: hooked } = trainArgs(argv);
  const [command, schema] = TRAIN[name];
  return runCommand(command, schema, { ...opts, root, flags, env: { ...env, ...hooked } });
}

/** Runs a train command and expects success; returns its output. */
export async function ok(ws: { dir: string }, argv: string[], env?: Record<string, string | undefined>, opts?: TrainRunOptions): Promise<string> {
  const r = await runTrain(ws.dir, argv, env, opts);
  if (!r.ok) throw new Error(`${argv.join(' ')} failed\n${r.out}`);
  return r.out;
}

/** Runs a train command and expects a refusal; returns its output. */
export async function refused(ws: { dir: string }, argv: string[], env?: Record<string, string | undefined>, opts?: TrainRunOptions): Promise<string> {
  const r = await runTrain(ws.dir, argv, env, opts);
  if (r.ok) throw new Error(`${argv.join(' ')} should have failed\n${r.out}`);
  return r.out;
}
