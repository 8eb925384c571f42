import { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { dateFlag, pushFlag } from './train';

export const releaseLatestFlags = defineFlags(
  'release-latest',
  "Date the newest release branch's top RELEASES.md section and commit it with the tag marker.",
  () =>
    z.object({
      dryRun: dryRunFlag('Print the plan and diff; change nothing.'),
      date: dateFlag,
      push: pushFlag(
        'Push the release commit to its review branch (ci/release-{version}) and open or update its pull request against the release branch; the token is read from GITHUB_TOKEN (or the variable the githubTokenEnv setting names); without one nothing is changed or pushed.',
      ),
    }),
);

export type ReleaseLatestFlags = z.output<typeof releaseLatestFlags.schema>;
