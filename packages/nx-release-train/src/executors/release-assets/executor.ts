/** `nx release-assets`: the Nx adapter of commands/release-assets.ts (options resolved once, one failure path). */
import type { ExecutorContext } from '@nx/devkit';
import { checkReleaseAssets } from '../../commands/release-assets';
import { execute, githubEnv, nxLogger, resolvedOptions, versionFlag } from '../shared';
import type { ReleaseAssetsSchema } from './schema';

export default async function releaseAssetsExecutor(schema: ReleaseAssetsSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  return execute(async () => {
    await checkReleaseAssets({
      root: context.root,
      options: resolvedOptions(context),
      version: versionFlag(schema.version),
      targets: String(schema.targets ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      env: githubEnv(),
      log: nxLogger,
    });
  });
}
