/**
 * Nx keeps some flags for itself: `--target` (of run-many) and `--version` (its own version)
 * never reach an executor, so `nx release-patch --target=4.x` or
 * `nx release-bindings --version=46.0.0` would silently lose them. The plugin's
 * preTasksExecution hook sees the full argv; these pure functions find the values there when
 * the invoked target is one that declares the flag, and name the environment variables they
 * travel in (Nx passes the hook's environment on to the tasks).
 */
import type { Env } from './env';

/** Targets and the Nx-owned flags they take as their own. */
export const SWALLOWED_FLAGS: Record<string, string[]> = {
  'release-patch': ['target'],
  'release-rc': ['target'],
  'release-latest': ['target'],
  'release-bindings': ['version'],
  'release-artifacts': ['version'],
  'release-assets': ['version'],
};

export function flagEnv(flag: string): string {
  return `NX_RELEASE_TRAIN_ARG_${flag.toUpperCase()}`;
}

/** A flag Nx keeps for itself: the value the executor got, else the one the hook handed on. */
export function swallowedFlag<T>(flag: string, given: T | undefined, env: Env): T | string | undefined {
  return given ?? env[flagEnv(flag)];
}

function invokes(argv: readonly string[], targetName: string): boolean {
  return argv.some((a) => a === targetName || a.endsWith(`:${targetName}`) || a.includes(`:${targetName}:`));
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith(`--${flag}=`)) return arg.slice(flag.length + 3);
    if (arg === `--${flag}` && i + 1 < argv.length) return argv[i + 1];
  }
  return undefined;
}

/** The value of `--target` when `release-patch` is invoked (see SWALLOWED_FLAGS). */
export function patchTargetFromArgv(argv: readonly string[], targetName = 'release-patch'): string | undefined {
  return invokes(argv, targetName) ? flagValue(argv, 'target') : undefined;
}

/**
 * Where the hook hands on a flag Nx swallowed that the invoked train target does not take
 * (`nx release-major --target=4.x`): its executor refuses it instead of losing it.
 */
export const UNDECLARED_FLAGS_ENV = 'NX_RELEASE_TRAIN_UNDECLARED_FLAGS';

/** The flags Nx keeps for itself. */
export const NX_OWN_FLAGS = ['target', 'version'];

/**
 * Environment entries for every swallowed flag of the invoked target, and the swallowed flags
 * an invoked train target (`trainTargets`: every executor's name) does not take; undefined
 * clears. `nx run-many --target release-tag` names the target: that is Nx's own flag.
 */
export function swallowedFlagEnv(argv: readonly string[], trainTargets: readonly string[] = []): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { [UNDECLARED_FLAGS_ENV]: undefined };
  for (const flags of Object.values(SWALLOWED_FLAGS)) for (const flag of flags) env[flagEnv(flag)] = undefined;
  const undeclared: string[] = [];
  for (const target of new Set([...Object.keys(SWALLOWED_FLAGS), ...trainTargets])) {
    if (!invokes(argv, target)) continue;
    for (const flag of NX_OWN_FLAGS) {
      const value = flagValue(argv, flag);
      if (value === undefined || value.split(',').includes(target)) continue;
      if ((SWALLOWED_FLAGS[target] ?? []).includes(flag)) env[flagEnv(flag)] = value;
      else undeclared.push(`--${flag}=${value}`);
    }
  }
  if (undeclared.length) env[UNDECLARED_FLAGS_ENV] = [...new Set(undeclared)].join(' ');
  return env;
}
