/** `nx publish-plan`: read-only; prints waves, what is published, an ETA, and candidate or final. */
import type { ExecutorContext } from '@nx/devkit';
import { formatProblem, ReleaseError } from '../../core/errors';
import { CRATES_IO_BUDGET, type Budget } from '../../core/publish-eta';
import { formatPlan, type IndexState } from '../../core/publish-plan';
import { candidateLines, type IndexVersions } from '../../core/publish-candidates';
import { publishOrder } from '../../core/publish-order';
import { registryIndexUrl } from '../../effects/cargo-config';
import { publishContext } from '../publish/context';
import { execute } from '../shared';
import type { PublishPlanExecutorSchema } from './schema';

export default async function publishPlanExecutor(
  options: PublishPlanExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  return execute(async () => {
    const ctx = publishContext(context, options.registry);
    const order = publishOrder(ctx.ws);
    const errors = order.diagnostics.filter((d) => d.level === 'error');
    for (const d of order.diagnostics) if (d.level !== 'error') console.warn(formatProblem(d));
    if (errors.length) throw new ReleaseError('the publish order cannot be computed', 'fix every problem listed, then rerun', { problems: errors });
    const names = order.waves.flat();
    const version = new Map(ctx.ws.members.map((c) => [c.name, c.version]));
    const state: Record<string, IndexState> = {};
    const seen: IndexVersions = {};
    await Promise.all(
      names.map(async (name) => {
        if (options.offline) return void (state[name] = 'exists');
        try {
          const versions = await ctx.index().versions(name);
          seen[name] = versions;
          state[name] = versions.some((v) => v.vers === version.get(name)) ? 'published' : versions.length ? 'exists' : 'new';
        } catch (e) {
          state[name] = { error: (e as Error).message };
        }
      }),
    );
    const where = ctx.registry
      ? `registry "${ctx.registry}" (${registryIndexUrl(ctx.cargoRoot, ctx.registry)})`
      : 'crates.io';
    const { lines } = formatPlan({
      ws: ctx.ws,
      order,
      state,
      where,
      parallel: options.parallel ?? 3,
      publishMs: (options.publishSeconds ?? 20) * 1000,
      budget: {
        newVersions: budget(CRATES_IO_BUDGET.newVersions, options.burst, options.interval),
        newCrates: budget(CRATES_IO_BUDGET.newCrates, options.newCrateBurst, options.newCrateInterval),
      },
    });
    for (const line of lines) console.log(line);
    for (const line of candidateLines(names.map((n) => ({ name: n, version: version.get(n)! })), seen, ctx.options)) console.log(line);
  });
}

/** crates.io's budget unless the options give their own numbers (interval in seconds). */
function budget(fallback: Budget | null, burst?: number, intervalSeconds?: number): Budget {
  return {
    burst: burst ?? fallback?.burst ?? Infinity,
    intervalMs: intervalSeconds !== undefined ? intervalSeconds * 1000 : (fallback?.intervalMs ?? 0),
  };
}
