/** `nx release-bindings`: the Nx adapter of commands/release-bindings.ts (options from nx.json). */
import type { ExecutorContext } from '@nx/devkit';
import { releaseBindings, requireAllDone } from '../../commands/release-bindings';
import { execute, makeContext, versionFlag } from '../shared';
import type { ReleaseBindingsSchema } from './schema';

export default async function releaseBindingsExecutor(schema: ReleaseBindingsSchema, context: ExecutorContext) {
  return execute(async () => {
    const ctx = makeContext(context, { dryRun: schema.dryRun });
    const only = Array.isArray(schema.only) ? schema.only : String(schema.only ?? '').split(',');
    const outcomes = await releaseBindings({
      root: ctx.root,
      options: ctx.options,
      version: versionFlag(schema.version),
      only: only.map((s) => s.trim()).filter(Boolean),
      dryRun: ctx.dryRun,
      githubApiUrl: schema.githubApiUrl,
      env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN, GITHUB_API_URL: process.env.GITHUB_API_URL },
      log: ctx.log,
    });
    requireAllDone(outcomes);
  });
}
