import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { registryFlag } from './registry';

export const verifyFlags = defineFlags(
  'verify',
  "Package this crate with cargo and build the packaged sources, resolving its workspace dependencies from their packaged crates (published or not). Offline when cargo's cache allows it.",
  (z) =>
    z.object({
      registry: registryFlag(z),
      dryRun: dryRunFlag(z, 'Print the cargo command without running it.'),
    }),
);

export type VerifyFlags = z.output<typeof verifyFlags.schema>;
