import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';

export const releaseTagFlags = defineFlags(
  'release-tag',
  'Tag v{version} when HEAD of a release branch carries the release marker; otherwise say why not and succeed.',
  (z) =>
    z.object({
      dryRun: dryRunFlag(z, 'Say what would be tagged; change nothing.'),
      push: z.boolean().default(false).describe('Push the tag to the remote.'),
      via: z
        .enum(['git', 'api'])
        .default('git')
        .describe(
          'How --push makes the remote tag: git push, or a ref created through the GitHub API (repository, API and token as for pull requests; no git credentials needed).',
        ),
      branch: z
        .string()
        .optional()
        .describe('The branch HEAD belongs to, when it is detached (CI passes it through the environment); HEAD must be on it, locally or on the remote.'),
    }),
);

export type ReleaseTagFlags = z.output<typeof releaseTagFlags.schema>;
