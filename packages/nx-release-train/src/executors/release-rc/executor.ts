import type { ExecutorContext } from '@nx/devkit';
import { flagEnv } from '../../core/argv';
import { releaseCandidate } from '../../commands/release-rc';
import { execute, makeContext } from '../shared';
import type { ReleaseRcSchema } from './schema';

export default async function releaseRc(options: ReleaseRcSchema, context: ExecutorContext) {
  return execute(async () => {
    const ctx = makeContext(context, options);
    // `--target` is Nx's own option; the plugin's preTasksExecution hook hands it on.
    const given = options.target ?? options.line ?? process.env[flagEnv('target')];
    const result = await releaseCandidate(ctx, given === undefined ? undefined : String(given));
    ctx.log.info(`\nsummary: ${result.branch} ${result.from} -> ${result.to}${result.commit ? ` (${result.commit.slice(0, 12)})` : ' (dry run)'}`);
  });
}
