/**
 * `nx release-artifacts`: the Nx adapter of commands/release-artifacts.ts. The plugin options
 * come resolved (the target's own plugin settings over nx.json's).
 */
import type { ExecutorContext } from '@nx/devkit';
import { releaseArtifacts } from '../../commands/release-artifacts';
import { execute, githubEnv, nxLogger, resolvedOptions, versionFlag } from '../shared';
import type { ReleaseArtifactsExecutorSchema } from './schema';

export default async function releaseArtifactsExecutor(schema: ReleaseArtifactsExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const { version, targets, dryRun, skipRelease, repository, githubApiUrl, ...settings } = schema;
  return execute(async () => {
    await releaseArtifacts({
      root: context.root,
      options: resolvedOptions(context, settings),
      version: versionFlag(version),
      targets: (Array.isArray(targets) ? targets : String(targets ?? '').split(',')).map((t) => t.trim()).filter(Boolean),
      dryRun: dryRun === true,
      skipRelease: skipRelease === true,
      repository,
      githubApiUrl,
      env: { ...githubEnv(), SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || undefined },
      log: nxLogger,
    });
  });
}
