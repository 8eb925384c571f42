/**
 * `nx release-artifacts`: the Nx adapter. Reads the plugin options from nx.json (the target's
 * own options override them), then hands over to run.ts. Only this file turns failures into
 * `{ success: false }`.
 */
import { flagEnv } from '../../core/argv';
import { logger, type ExecutorContext } from '@nx/devkit';
import { resolveArtifacts } from '../../core/artifacts/settings';
import { resolveOptions } from '../../core/options';
import { pluginOptionsOf } from '../shared';
import { ArtifactsError } from './errors';
import { releaseArtifacts } from './run';
import type { ReleaseArtifactsExecutorSchema } from './schema';

const PLUGIN = 'nx-release-train';

export default async function releaseArtifactsExecutor(
  schema: ReleaseArtifactsExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const { version, targets, dryRun, skipRelease, repository, githubApiUrl, ...settings } = schema;
  const fromNxJson = pluginOptionsOf(context);
  const merged = { ...((fromNxJson as object | undefined) ?? {}), ...settings };
  const { options, problems } = resolveOptions(merged);
  const { artifacts, problems: artifactProblems } = resolveArtifacts(options.artifacts);
  const allProblems = [...problems, ...artifactProblems];
  if (allProblems.length) {
    for (const p of allProblems) logger.error(`nx.json (${PLUGIN} options): ${p.message}. Fix: ${p.fix}`);
    return { success: false };
  }
  try {
    await releaseArtifacts({
      root: context.root,
      options: { ...options, artifacts },
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
    return { success: true };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.error(err instanceof ArtifactsError ? message : `release-artifacts failed: ${message}`);
    return { success: false };
  }
}
