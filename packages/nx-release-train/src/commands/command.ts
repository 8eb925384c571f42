/**
 * The one way into every command: `resolve(input) -> request` is pure (flags, environment,
 * settings and defaults meet there once, precedence decided there and table-tested), and
 * `run(request, services)` does the work with everything outside the process injected.
 * Executors build both inside the one `execute()`; tests call `run` in-process.
 */
import type { Env } from '../core/env';
import type { EnvReads } from '../core/env-reads';
import type { ReleaseTrainOptions } from '../core/settings/options';
import type { Services } from './services';

export type { Services } from './services';

export type { Env } from '../core/env';

/** Everything outside a command that its request is resolved from. */
export interface CommandInput<F> {
  /** The executor's flags, parsed by its one zod schema (defaults applied there). */
  flags: F;
  /** The plugin settings, validated once (nx.json's, a target's own settings over them). */
  options: ReleaseTrainOptions;
  env: Env;
  /** The Nx workspace root. */
  root: string;
  /** The project the task runs for (per-crate targets). */
  project?: { name: string; root?: string };
  /** Settings of other targets the graph holds that a command reads (e.g. publish concurrency). */
  graph?: { publishConcurrency?: number };
}

export interface Command<F, R, O = unknown> {
  /** The target's name (`release-major`), as the user types it. */
  name: string;
  resolve(input: CommandInput<F>): R;
  /** The environment variables `resolve` reads for these flags and settings (core/env-reads.ts). */
  env(input: Pick<CommandInput<F>, 'flags' | 'options'>): EnvReads;
  run(request: R, services: Services): Promise<O>;
}
