import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { RETRY_DEFAULTS, backoffFlag, maxAttemptsFlag, registryFlag } from './registry';

export const releaseYankFlags = defineFlags(
  'release-yank',
  "Yank the release candidates the version in the tree supersedes, each crate's own (X.0.0-rc.N, 0.M.0-rc.N), never the released version; runs after every crate of the release is in the index, with the token in CARGO_YANK_TOKEN (setting yankTokenVariable).",
  (z) =>
    z.object({
      registry: registryFlag(z),
      dryRun: dryRunFlag(z, 'List what would be yanked; yank nothing.'),
      maxRateLimitWait: z
        .number()
        .default(RETRY_DEFAULTS.maxRateLimitWait)
        .describe('Longest total time in seconds to wait out 429 rate limits for one yank before reporting it failed.'),
      maxAttempts: maxAttemptsFlag(z, ' for one yank'),
      backoff: backoffFlag(z),
    }),
);

export type ReleaseYankFlags = z.output<typeof releaseYankFlags.schema>;
