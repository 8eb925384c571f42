import type { z } from 'zod';
import { defineFlags, dryRunFlag, listFlag } from './define';
import { githubApiUrlFlag, versionFlag } from './github';

export const releaseBindingsFlags = defineFlags(
  'release-bindings',
  "Moves each binding repository to the release's version: a shallow clone, the configured edits, a commit on a branch, a push and a pull request (the token from GITHUB_TOKEN, or the variable the githubTokenEnv setting names). Reruns update the existing branch and pull request.",
  (z) =>
    z.object({
      version: versionFlag(z, 'Version to move to (X.Y.Z); default: [workspace.package] version of the root Cargo.toml.'),
      dryRun: dryRunFlag(z, "Print each repository's diff and what would be pushed and opened; push nothing, open nothing."),
      only: listFlag(z, 'Comma-separated names of the repositories to update (bindings.repos[].name), e.g. py,go.'),
      githubApiUrl: githubApiUrlFlag(z),
      force: z.boolean().default(false).describe('Propose a move across more majors than bindings.maxMajorJump (the gap is reported either way).'),
    }),
);

export type ReleaseBindingsFlags = z.output<typeof releaseBindingsFlags.schema>;
