import type { z } from 'zod';
import { defineFlags, dryRunFlag, listFlag } from './define';
import { versionFlag } from './github';

export const releaseArtifactsFlags = defineFlags(
  'release-artifacts',
  "Builds this platform's release archives (CLI, C API) of the tag at HEAD and writes them with their .sha256 files into the output directory (artifacts.outputDir). Never touches GitHub: `nx release-assets`, the workflow's last job, publishes the release with every platform's files.",
  (z) =>
    z.object({
      version: versionFlag(z, 'Release version (X.Y.Z); default: the release tag pointing at HEAD.'),
      targets: listFlag(
        z,
        'Extra Rust targets to build besides the host, comma-separated; a target rustc does not know is refused (with the closest known one), one not installed in the toolchain is skipped with a warning.',
      ),
      dryRun: dryRunFlag(z, 'Print what would be built and written; change nothing.'),
      skipRelease: z
        .boolean()
        .default(false)
        .describe('Accepted for workflows written for older versions; changes nothing (release-artifacts never touches GitHub).'),
    }),
  // A target may carry its own plugin settings (e.g. `artifacts`) over nx.json's.
  true,
);

export type ReleaseArtifactsFlags = z.output<typeof releaseArtifactsFlags.schema>;
