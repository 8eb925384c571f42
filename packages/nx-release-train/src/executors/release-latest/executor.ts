import type { ExecutorContext } from '@nx/devkit';
import { releaseLatest } from '../../commands/release-latest';
import { checkDate, execute, makeContext } from '../shared';
import type { ReleaseLatestSchema } from './schema';

export default async function releaseLatestExecutor(options: ReleaseLatestSchema, context: ExecutorContext) {
  return execute(async () => {
    const date = checkDate(options.date);
    const ctx = makeContext(context, options);
    const result = await releaseLatest(ctx, date);
    ctx.log.info(`\nsummary: ${result.version} on ${result.branch}: ${result.commit ? `committed ${result.commit.slice(0, 12)}` : 'no commit'}`);
  });
}
