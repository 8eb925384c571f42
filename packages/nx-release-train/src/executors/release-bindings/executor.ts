/**
 * `nx release-bindings`: the Nx adapter. Options come from nx.json; the work is in run.ts.
 * A failed repository makes the command fail after every other one has had its turn.
 */
import { flagEnv } from '../../core/argv';
import type { ExecutorContext } from '@nx/devkit';
import { ReleaseError } from '../../core/release';
import { execute, makeContext } from '../shared';
import { releaseBindings } from '../../commands/release-bindings';
import type { ReleaseBindingsSchema } from './schema';

export default async function releaseBindingsExecutor(schema: ReleaseBindingsSchema, context: ExecutorContext) {
  return execute(async () => {
    const ctx = makeContext(context, { dryRun: schema.dryRun });
    const only = Array.isArray(schema.only) ? schema.only : String(schema.only ?? '').split(',');
    const outcomes = await releaseBindings({
      root: ctx.root,
      options: ctx.options,
      // `--version` is Nx's own flag; the plugin's preTasksExecution hook hands it on.
      version: schema.version !== undefined ? String(schema.version) : process.env[flagEnv('version')],
      only: only.map((s) => s.trim()).filter(Boolean),
      dryRun: ctx.dryRun,
      githubApiUrl: schema.githubApiUrl,
      env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GITHUB_API_URL: process.env.GITHUB_API_URL },
      log: ctx.log,
    });
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
      throw new ReleaseError(
        `${failed.length} of ${outcomes.length} binding repositories failed: ${failed.map((o) => o.repo).join(', ')}`,
        `fix what the messages above say, then rerun (\`--only=${failed.map((o) => o.repo).join(',')}\` retries just those; done repositories stay as they are)`,
      );
    }
  });
}
