/** Flags the publishing executors share (publish, publish-plan, verify, release-yank). */
import type { Zod } from './define';

export const registryFlag = (z: Zod) =>
  z.string().optional().describe("Registry name from cargo's configuration (default: the plugin's `registry` setting; none means crates.io).");

/** The retry flags' defaults: also the policy of a registry read outside these commands (an index read). */
export const RETRY_DEFAULTS = { maxAttempts: 6, backoff: 2, maxRateLimitWait: 1800 };

export const maxAttemptsFlag = (z: Zod, what: string) =>
  z.number().default(RETRY_DEFAULTS.maxAttempts).describe(`Attempts in all${what} when the registry answers 5xx or the network fails.`);

export const backoffFlag = (z: Zod) =>
  z.number().default(RETRY_DEFAULTS.backoff).describe('First wait in seconds after a 5xx or network failure; doubles each time (at most 60 s).');
