import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { repositoryFlag } from './github';
import { registryFlag } from './registry';

export const releaseTrustFlags = defineFlags(
  'release-trust',
  "Make every publishable crate trust this repository's release workflow for trusted publishing: list each crate's GitHub configs on the registry and create only the missing ones (repository, the releaseWorkflow file, the publishEnvironment), never deleting any. The token (trusted-publishing scope) comes from the variable the setting trustTokenVariable names (CARGO_TRUST_TOKEN).",
  (z) =>
    z.object({
      registry: registryFlag(z),
      repository: repositoryFlag(z),
      dryRun: dryRunFlag(z, 'List the configs and say which would be created; create nothing.'),
    }),
);

export type ReleaseTrustFlags = z.output<typeof releaseTrustFlags.schema>;
