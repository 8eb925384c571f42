/**
 * `nx release-artifacts`: the Nx adapter. The plugin options come resolved (the target's own
 * plugin settings over nx.json's); the work is in run.ts.
 */
import { logger, type ExecutorContext } from '@nx/devkit';
import { flagEnv } from '../../core/argv';
import { execute, resolvedOptions } from '../shared';
import { releaseArtifacts } from '../../commands/release-artifacts';
import type { ReleaseArtifactsExecutorSchema } from './schema';

export default async function releaseArtifactsExecutor(schema: ReleaseArtifactsExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const { version, targets, dryRun, skipRelease, repository, githubApiUrl, ...settings } = schema;
  return execute(async () => {
    await releaseArtifacts({
      root: context.root,
      options: resolvedOptions(context, settings),
      // `--version` is Nx's own flag; the plugin's preTasksExecution hook hands it on.
      version: version !== undefined ? String(version) : process.env[flagEnv('version')],
      targets: (Array.isArray(targets) ? targets : String(targets ?? '').split(',')).map((t) => t.trim()).filter(Boolean),
      dryRun: dryRun === true,
      skipRelease: skipRelease === true,
      repository,
      githubApiUrl,
      env: {
        GITHUB_TOKEN: process.env.GITHUB_TOKEN || undefined,
        GITHUB_API_URL: process.env.GITHUB_API_URL || undefined,
        GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY || undefined,
        SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || undefined,
      },
      log: { info: (line) => logger.info(line), warn: (line) => logger.warn(`warning: ${line}`) },
    });
  });
}
