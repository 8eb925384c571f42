import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { RETRY_DEFAULTS, backoffFlag, maxAttemptsFlag, registryFlag } from './registry';

export const publishFlags = defineFlags(
  'publish',
  "Publish this crate's version to the registry unless the index already has it (same checksum). Run through `nx run-many -t publish`: `^publish` orders crates by their dependencies.",
  (z) =>
    z.object({
      registry: registryFlag(z),
      dryRun: dryRunFlag(z, 'Check the index and print what would be published; upload nothing.'),
      noVerify: z
        .boolean()
        .default(true)
        .describe("Skip cargo's build of each packaged crate in the preflight's `cargo package` (the verify target builds them)."),
      indexTimeout: z.number().default(300).describe('Seconds to wait for an uploaded version to appear in the index.'),
      maxAttempts: maxAttemptsFlag(z, ''),
      backoff: backoffFlag(z),
      concurrency: z
        .number()
        .default(8)
        .describe(
          "Uploads at once when Nx runs the publish tasks as one batch (the default for run-many; a crate waiting for the index to show it holds no slot; Nx's own --parallel applies with --batch=false).",
        ),
      maxRateLimitWait: z
        .number()
        .default(RETRY_DEFAULTS.maxRateLimitWait)
        .describe('Longest total time in seconds to wait out 429 rate limits for one crate before stopping.'),
    }),
);

export type PublishFlags = z.output<typeof publishFlags.schema>;
