/** `nx publish-plan`: read-only; prints waves, what is published, an ETA, and candidate or final. */
import type { ExecutorContext } from '@nx/devkit';
import { formatPlan, type IndexState } from '../../core/publish-plan';
import { candidateLines, type IndexVersions } from '../../core/publish-candidates';
import { publishOrder } from '../../core/publish-order';
import { registryIndexUrl } from '../../effects/cargo-config';
import { publishContext } from '../publish/context';
import type { PublishPlanExecutorSchema } from './schema';

export default async function publishPlanExecutor(
  options: PublishPlanExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  try {
    const ctx = publishContext(context, options.registry);
    const order = publishOrder(ctx.ws);
    for (const d of order.diagnostics) {
      console.error(`${d.level}: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}. Fix: ${d.fix}`);
    }
    if (order.diagnostics.some((d) => d.level === 'error')) return { success: false };
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
        newVersions: { burst: options.burst ?? 30, intervalMs: (options.interval ?? 60) * 1000 },
        newCrates: { burst: options.newCrateBurst ?? 5, intervalMs: (options.newCrateInterval ?? 600) * 1000 },
      },
    });
    for (const line of lines) console.log(line);
    for (const line of candidateLines(names.map((n) => ({ name: n, version: version.get(n)! })), seen, ctx.options)) console.log(line);
    return { success: true };
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return { success: false };
  }
}
