/**
 * Flags shared by the commands that talk to GitHub and release a tagged version. The
 * repository and API they name go to the one GitHub target (core/github-target.ts), which
 * decides their precedence over the environment and the settings.
 */
import type { Zod } from './define';

export const repositoryFlag = (z: Zod) =>
  z
    .string()
    .optional()
    .describe("GitHub repository owner/name; default: GITHUB_REPOSITORY, else the githubRepository setting, else the push remote's GitHub URL.");

export const githubApiUrlFlag = (z: Zod) =>
  z.string().optional().describe('GitHub REST API base URL; default: GITHUB_API_URL, else the githubApiUrl setting (https://api.github.com).');

/** `--version` is Nx's own flag: from the command line it arrives through the preTasksExecution hook. */
export const versionFlag = (z: Zod, description: string) => z.string().optional().describe(description);
