import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { lineFlag, pushFlag, diffFileFlag } from './train';

export const releaseRcFlags = defineFlags(
  'release-rc',
  'Make the next release candidate (X.0.0-rc.N -> X.0.0-rc.N+1) on a release line still in candidates, committed with the tag marker, without touching the checkout.',
  (z) =>
    z.object({
      target: lineFlag(
        z,
        'The line: 49.x, 49, 49.0.0, release-49.0.0 or latest (default: the newest release line). `nx release-rc --target=49.x` works as written.',
      ),
      line: lineFlag(z, 'Same as --target.'),
      dryRun: dryRunFlag(z, 'Print the plan and diff; change nothing.'),
      diffFile: diffFileFlag(z),
      push: pushFlag(
        z,
        'Propose the candidate as a pull request: pushed to ci/rc-{version} (rcReviewBranchPattern) against the release branch (needs a GitHub token).',
      ),
    }),
);

export type ReleaseRcFlags = z.output<typeof releaseRcFlags.schema>;
