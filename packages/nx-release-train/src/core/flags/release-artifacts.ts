import { z } from 'zod';
import { defineFlags, dryRunFlag, listFlag } from './define';
import { githubApiUrlFlag, repositoryFlag, versionFlag } from './github';

export const releaseArtifactsFlags = defineFlags(
  'release-artifacts',
  'Builds the release archives (CLI, C API) of the tag at HEAD, writes them with their .sha256 files, and creates or updates the GitHub release of the tag with notes from RELEASES.md and the archives as assets. Reruns keep identical assets. The token comes from GITHUB_TOKEN (or the variable the githubTokenEnv setting names) only.',
  () =>
    z.object({
      version: versionFlag('Release version (X.Y.Z); default: the release tag pointing at HEAD.'),
      targets: listFlag('Extra Rust targets to build besides the host, comma-separated; targets not installed in the toolchain are skipped with a warning.'),
      dryRun: dryRunFlag('Print what would be built, written and uploaded; change nothing.'),
      skipRelease: z.boolean().default(false).describe('Build and write the archives only; do not touch GitHub.'),
      repository: repositoryFlag,
      githubApiUrl: githubApiUrlFlag,
    }),
  // A target may carry its own plugin settings (e.g. `artifacts`) over nx.json's.
  true,
);

export type ReleaseArtifactsFlags = z.output<typeof releaseArtifactsFlags.schema>;
