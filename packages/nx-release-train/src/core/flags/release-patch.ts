import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { dateFlag, lineFlag, pushFlag, diffFileFlag } from './train';

export const releasePatchFlags = defineFlags(
  'release-patch',
  'Prepare a patch release on a release line (4.x, 4, 1.256.x, 4.0.0, release-4.0.0, latest, or supported for every supported line) without touching the checkout.',
  (z) =>
    z.object({
      target: lineFlag(
        z,
        'The line: 4.x, 4, 1.256.x (a minor line), 4.0.0, release-4.0.0, latest or supported. `nx release-patch --target=4.x` works as written.',
      ),
      line: lineFlag(z, 'Same as --target.'),
      force: z.boolean().default(false).describe('Patch a line that is no longer supported.'),
      dryRun: dryRunFlag(z, "Print each line's plan and diff; change nothing."),
      diffFile: diffFileFlag(z),
      date: dateFlag(z),
      push: pushFlag(
        z,
        'Push each patch commit to its review branch (ci/release-{version}) in one atomic push, and open or update one pull request per line against its release branch; the token is read from GITHUB_TOKEN (or the variable the githubTokenEnv setting names); without one nothing is changed or pushed.',
      ),
    }),
);

export type ReleasePatchFlags = z.output<typeof releasePatchFlags.schema>;
