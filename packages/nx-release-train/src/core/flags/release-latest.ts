import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { dateFlag, diffFileFlag, lineFlag, pushFlag } from './train';

export const releaseLatestFlags = defineFlags(
  'release-latest',
  "Date the newest release branch's top RELEASES.md section and commit it with the tag marker.",
  (z) =>
    z.object({
      target: lineFlag(
        z,
        'The line: 48.x, 48, 48.0.0, release-48.0.0 or latest (default: the newest release line). `nx release-latest --target=48.x` works as written.',
      ),
      line: lineFlag(z, 'Same as --target.'),
      dryRun: dryRunFlag(z, 'Print the plan and diff; change nothing.'),
      diffFile: diffFileFlag(z),
      date: dateFlag(z),
      push: pushFlag(
        z,
        'Push the release commit to its review branch (ci/release-{version}) and open or update its pull request against the release branch; the token is read from GITHUB_TOKEN (or the variable the githubTokenEnv setting names); without one nothing is changed or pushed.',
      ),
    }),
);

export type ReleaseLatestFlags = z.output<typeof releaseLatestFlags.schema>;
