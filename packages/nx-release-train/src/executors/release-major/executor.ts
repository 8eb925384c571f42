import type { ExecutorContext } from '@nx/devkit';
import { cut } from '../../commands/release-major';
import { checkDate, execute, makeContext } from '../shared';
import type { ReleaseMajorSchema } from './schema';

export default async function releaseMajor(options: ReleaseMajorSchema, context: ExecutorContext) {
  return execute(async () => {
    checkDate(options.date);
    const ctx = makeContext(context, options);
    const result = await cut(ctx, { allowDirty: options.allowDirty === true });
    ctx.log.info(
      `\nsummary: ${result.version} -> ${result.nextVersion}; ${result.filesChanged} files; ` +
        (ctx.dryRun ? `would create ${result.releaseBranch}` : `branch ${result.releaseBranch}`) +
        (result.candidate ? ` at ${result.candidate}` : ''),
    );
  });
}
