/**
 * What the estimate assumes about a registry: its rate limits and timings. crates.io's limits
 * are known (SPEC §4); no other registry's are assumed unless set (`registryLimits.<name>`).
 * Under trusted publishing crates.io skips the per-user limit on new versions.
 */
import type { RegistryLimitsSetting } from '../settings/options';
import { CRATES_IO_BUDGET, type Budget, type RateBudget } from './eta';
import { ReleaseError } from '../release';

export interface RegistryProfile {
  budget: RateBudget;
  publishMs: number;
  indexMs: number;
  limitsFrom: string;
}

/** Assumed timings (seconds) when not set: an upload, and its way into the index. */
const CRATES_IO_TIMINGS = { publishSeconds: 5, indexSeconds: 15 };
const OTHER_TIMINGS = { publishSeconds: 2, indexSeconds: 2 };

function budgetOf(value: unknown, setting: string): Budget | null {
  if (value === null) return null;
  const b = value as { burst?: unknown; interval?: unknown };
  if (typeof b !== 'object' || !Number.isInteger(b.burst) || typeof b.interval !== 'number' || (b.burst as number) < 0 || b.interval <= 0) {
    throw new ReleaseError(
      `setting ${setting} is ${JSON.stringify(value)}`,
      `write ${setting} as { "burst": 30, "interval": 60 } (seconds) or null for no limit`,
    );
  }
  return { burst: b.burst as number, intervalMs: b.interval * 1000 };
}

function seconds(value: unknown, fallback: number, setting: string): number {
  if (value === undefined) return fallback * 1000;
  if (typeof value !== 'number' || value < 0) throw new ReleaseError(`setting ${setting} is ${JSON.stringify(value)}`, `give ${setting} a number of seconds`);
  return value * 1000;
}

export function registryProfile(key: string, settings: Record<string, RegistryLimitsSetting>, trusted: boolean): RegistryProfile {
  const known = key === 'crates-io';
  const set = settings[key] ?? {};
  const path = `registryLimits.${key}`;
  const base = known ? CRATES_IO_BUDGET : { newVersions: null, newCrates: null };
  const newVersions = 'newVersions' in set ? budgetOf(set.newVersions, `${path}.newVersions`) : base.newVersions;
  const newCrates = 'newCrates' in set ? budgetOf(set.newCrates, `${path}.newCrates`) : base.newCrates;
  const timings = known ? CRATES_IO_TIMINGS : OTHER_TIMINGS;
  const isSet = Object.keys(set).length > 0;
  return {
    budget: { newVersions: trusted ? null : newVersions, newCrates },
    publishMs: seconds(set.publishSeconds, timings.publishSeconds, `${path}.publishSeconds`),
    indexMs: seconds(set.indexSeconds, timings.indexSeconds, `${path}.indexSeconds`),
    limitsFrom: known
      ? isSet
        ? `crates.io's limits with ${path}`
        : "crates.io's known limits"
      : isSet
        ? `limits from ${path}`
        : `no limits known for "${key}" (setting ${path})`,
  };
}
