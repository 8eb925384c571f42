import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { dateFlag, pushFlag, diffFileFlag } from './train';

export const releaseMajorFlags = defineFlags(
  'release-major',
  'Cut the release branch from main and bump main to the next major across every crate, version file, Cargo.lock and RELEASES.md.',
  (z) =>
    z.object({
      dryRun: dryRunFlag(z, 'Print the plan and a unified diff; change no file and no git ref.'),
      diffFile: diffFileFlag(z),
      date: dateFlag(z),
      push: pushFlag(
        z,
        'Push the release branch (at the cut point) and the bump to its review branch (ci/bump-to-{version}), and open or update the pull request against main; the token is read from GITHUB_TOKEN (or the variable the githubTokenEnv setting names); without one nothing is changed or pushed.',
      ),
      bump: z
        .enum(['major', 'minor'])
        .optional()
        .describe(
          "How far the release's line moves on main: `major` (X.Y.Z -> X+1.0.0; a 0.x line its minor) or `minor` (1.256.0 -> 1.257.0; 0.x lines still move their minor). Default: the setting cutBump (major). versionLines.bump sets another step per crate.",
        ),
      allowDirty: z.boolean().default(false).describe('Run with uncommitted changes (they stay out of the release commit).'),
    }),
);

export type ReleaseMajorFlags = z.output<typeof releaseMajorFlags.schema>;
