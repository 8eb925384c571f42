import type { z } from 'zod';
import { defineFlags, dryRunFlag, listFlag } from './define';
import { githubApiUrlFlag, repositoryFlag, versionFlag } from './github';

export const releaseAssetsFlags = defineFlags(
  'release-assets',
  "Publishes the GitHub release of the tag at HEAD once it holds every platform's files: checks the archives and .sha256 files in the output directory (artifacts.outputDir: each artifacts.archives entry for each platform), creates the release as a draft when there is none (notes from RELEASES.md), uploads what it lacks, checks every asset against the local file (GitHub's digest), then publishes it. A published release is never written: identical assets pass, a different one fails naming both digests.",
  (z) =>
    z.object({
      version: versionFlag(z, 'Release version (X.Y.Z); default: the release tag pointing at HEAD.'),
      targets: listFlag(z, 'Comma-separated Rust target triples whose archives must be there; default: the targets of the artifacts.builds setting.'),
      dryRun: dryRunFlag(z, 'Check the local files and read the release, then print what would be created, uploaded and published; change nothing.'),
      repository: repositoryFlag(z),
      githubApiUrl: githubApiUrlFlag(z),
    }),
);

export type ReleaseAssetsFlags = z.output<typeof releaseAssetsFlags.schema>;
