import type { ExecutorContext } from '@nx/devkit';
import { PATCH_TARGET_ENV } from '../../core/argv';
import { patch } from '../../commands/release-patch';
import { checkDate, execute, makeContext } from '../shared';
import type { ReleasePatchSchema } from './schema';

export default async function releasePatch(options: ReleasePatchSchema, context: ExecutorContext) {
  return execute(async () => {
    const date = checkDate(options.date);
    const ctx = makeContext(context, options);
    // `--target` is Nx's own option; the plugin's preTasksExecution hook hands it on.
    const given = options.target ?? options.line ?? process.env[PATCH_TARGET_ENV];
    // `--line=4` arrives as a number: Nx parses numeric flags.
    const target = given === undefined ? undefined : String(given);
    const results = await patch(ctx, { target, force: options.force === true, date });
    const done = results.filter((r) => r.commit).map((r) => `${r.branch} ${r.to}`);
    ctx.log.info(`\nsummary: ${ctx.dryRun ? `${results.length} line(s) planned` : `patched ${done.join(', ')}`}`);
  });
}
