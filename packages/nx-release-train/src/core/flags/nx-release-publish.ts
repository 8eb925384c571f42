import type { z } from 'zod';
import { defineFlags } from './define';

/**
 * `nx release publish` runs each crate's `nx-release-publish` target with Nx's own release
 * options (npm's among them); the target is the plugin's publish, so every other option is
 * the publish target's and is checked there.
 */
export const nxReleasePublishFlags = defineFlags(
  'nx-release-publish',
  "The target `nx release publish` runs on each crate: the plugin's publish (resumable, rate-limit aware, in dependency order), with Nx's release options set aside.",
  (z) =>
    z.object({
      nxReleaseVersionData: z.unknown().optional().describe('Set by `nx release`: the versions it chose (the manifests already carry them).'),
      firstRelease: z
        .boolean()
        .optional()
        .describe('Set by `nx release --first-release`: nothing to do for cargo (a crate not yet in the index is published as usual).'),
      tag: z.string().optional().describe("npm's dist-tag: cargo has none; refused when given."),
      otp: z.union([z.string(), z.number()]).optional().describe("npm's one-time password: cargo has none; refused when given."),
      access: z.string().optional().describe("npm's access level: cargo has none; refused when given."),
    }),
  true,
);

/** The options `nx release publish` adds that are not the publish target's. */
export const NX_RELEASE_ONLY = Object.keys(nxReleasePublishFlags.schema.shape);
