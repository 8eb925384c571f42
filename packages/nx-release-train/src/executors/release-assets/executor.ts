/** `nx release-assets`: the Nx adapter of check.ts (options from nx.json, one failure path). */
import { logger, type ExecutorContext } from '@nx/devkit';
import { flagEnv } from '../../core/argv';
import { resolveArtifacts } from '../../core/artifacts/settings';
import { resolveOptions } from '../../core/options';
import { pluginOptionsOf } from '../shared';
import { ArtifactsError } from '../release-artifacts/errors';
import { checkReleaseAssets } from './check';
import type { ReleaseAssetsSchema } from './schema';

export default async function releaseAssetsExecutor(schema: ReleaseAssetsSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const { options, problems } = resolveOptions(pluginOptionsOf(context));
  const { artifacts, problems: more } = resolveArtifacts(options.artifacts);
  for (const p of [...problems, ...more]) logger.error(`nx.json (nx-release-train options): ${p.message}. Fix: ${p.fix}`);
  if (problems.length || more.length) return { success: false };
  try {
    await checkReleaseAssets({
      root: context.root,
      options: { ...options, artifacts },
      // `--version` is Nx's own flag; the plugin's preTasksExecution hook hands it on.
      version: schema.version !== undefined ? String(schema.version) : process.env[flagEnv('version')],
      targets: String(schema.targets ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN || undefined, GITHUB_API_URL: process.env.GITHUB_API_URL || undefined, GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY || undefined },
      log: { info: (line) => logger.info(line), warn: (line) => logger.warn(`warning: ${line}`) },
    });
    return { success: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.error(err instanceof ArtifactsError ? message : `release-assets failed: ${message}`);
    return { success: false };
  }
}
