/** `nx release-assets`: the Nx adapter of check.ts (options resolved once, one failure path). */
import { logger, type ExecutorContext } from '@nx/devkit';
import { flagEnv } from '../../core/argv';
import { execute, resolvedOptions } from '../shared';
import { checkReleaseAssets } from '../../commands/release-assets';
import type { ReleaseAssetsSchema } from './schema';

export default async function releaseAssetsExecutor(schema: ReleaseAssetsSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(async () => {
    await checkReleaseAssets({
      root: context.root,
      options: resolvedOptions(context),
      // `--version` is Nx's own flag; the plugin's preTasksExecution hook hands it on.
      version: schema.version !== undefined ? String(schema.version) : process.env[flagEnv('version')],
      targets: String(schema.targets ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN || undefined, GITHUB_API_URL: process.env.GITHUB_API_URL || undefined, GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY || undefined },
      log: { info: (line) => logger.info(line), warn: (line) => logger.warn(`warning: ${line}`) },
    });
  });
}
