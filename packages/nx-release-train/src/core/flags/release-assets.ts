import { z } from 'zod';
import { defineFlags, listFlag } from './define';
import { githubApiUrlFlag, repositoryFlag, versionFlag } from './github';

export const releaseAssetsFlags = defineFlags(
  'release-assets',
  'Check that the GitHub release of the tag at HEAD holds every expected archive (each artifacts.archives entry for each platform) with a .sha256 file naming its checksum; fail listing what is missing or wrong.',
  () =>
    z.object({
      version: versionFlag('Release version (X.Y.Z); default: the release tag pointing at HEAD.'),
      targets: listFlag('Comma-separated Rust target triples whose archives must be there; default: the keys of the artifactRunners setting.'),
      repository: repositoryFlag,
      githubApiUrl: githubApiUrlFlag,
    }),
);

export type ReleaseAssetsFlags = z.output<typeof releaseAssetsFlags.schema>;
