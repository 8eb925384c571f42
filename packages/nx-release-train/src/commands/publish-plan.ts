/**
 * `nx publish-plan`: read-only. Prints the waves, what the index already has, the preflight
 * that `publish` runs before its first upload (every crate packaged: sizes, new crates,
 * versions already there, order), whether the release is a candidate or final and which candidates it supersedes, and an honest estimate: the run's real concurrency, the
 * registry's known limits (none assumed for registries other than crates.io unless set), no
 * per-user limit under trusted publishing, and the critical path beside the rate-limit bound.
 * Fails when the preflight would refuse the release.
 */
import { formatProblem, ReleaseError } from '../core/errors';
import { formatPlan, type IndexState } from '../core/publish-plan';
import { candidateLines, type IndexVersions } from '../core/publish-candidates';
import { publishOrder } from '../core/publish-order';
import { registryProfile } from '../core/publishing/limits';
import { formatPreflight } from '../core/publishing/preflight';
import { cargoAt, type Cargo } from '../effects/cargo';
import { registryIndexUrl } from '../effects/cargo-config';
import type { PublishPlanExecutorSchema } from '../executors/publish-plan/schema';
import type { PublishContext } from './publish/publish-context';
import { authOf, registryKey, runPreflight } from './publish/preflight';

/** How long a fresh cargo process takes to package one crate: what each `cargo publish` does before it uploads. */
async function timeOneCargo(registry: string | null, cargo: Cargo, crate: string): Promise<number> {
  const t0 = Date.now();
  await cargo.package([crate], { registry, verify: false, offline: false });
  return Date.now() - t0;
}

/**
 * `concurrency`: the publish target's as configured in the graph (the batch's real
 * parallelism). Returns false when the preflight would refuse the release.
 */
export async function publishPlan(ctx: PublishContext, options: PublishPlanExecutorSchema, concurrency: number | undefined): Promise<boolean> {
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
  const where = ctx.registry ? `registry "${ctx.registry}" (${registryIndexUrl(ctx.cargoRoot, ctx.registry)})` : 'crates.io';
  const auth = options.trusted ? ({ mode: 'trusted' } as const) : authOf(ctx.registry);
  const trusted = auth.mode === 'trusted';
  const profile = registryProfile(registryKey(ctx.registry), ctx.options.registryLimits, trusted);
  const flag = (burst: number | undefined, interval: number | undefined, b: (typeof profile.budget)['newVersions']) =>
    burst === undefined && interval === undefined ? b : { burst: burst ?? b?.burst ?? 0, intervalMs: (interval ?? (b ? b.intervalMs / 1000 : 60)) * 1000 };
  // The preflight first: publish runs it before its first upload, so its time counts.
  const cargo = cargoAt(ctx.cargoRoot);
  const t0 = Date.now();
  const report = await runPreflight(ctx, cargo, { crates: names, auth, dryRun: true, offline: options.offline });
  const measured = options.offline || !report.upload.length ? undefined : { preflightMs: Date.now() - t0, cargoMs: await timeOneCargo(ctx.registry, cargo, report.upload[0]) };
  const { lines } = formatPlan({
    ws: ctx.ws,
    order,
    state,
    where,
    parallel: options.parallel ?? concurrency ?? 8,
    parallelFrom: options.parallel !== undefined ? '--parallel' : `the publish target's concurrency${concurrency === undefined ? ', default 8' : ''}`,
    publishMs: options.publishSeconds !== undefined ? options.publishSeconds * 1000 : profile.publishMs,
    indexMs: options.indexSeconds !== undefined ? options.indexSeconds * 1000 : profile.indexMs,
    budget: {
      newVersions: flag(options.burst, options.interval, profile.budget.newVersions),
      newCrates: flag(options.newCrateBurst, options.newCrateInterval, profile.budget.newCrates),
    },
    limitsFrom: profile.limitsFrom,
    trusted,
    measured,
  });
  for (const line of lines) console.log(line);
  for (const line of candidateLines(names.map((n) => ({ name: n, version: version.get(n)! })), seen, ctx.options)) console.log(line);
  console.log(`Authentication: ${auth.mode === 'token' ? `the token in ${auth.variable}` : trusted ? 'trusted publishing (GitHub Actions OIDC)' : `none found (${auth.variable} unset, no OIDC)`}`);
  for (const line of formatPreflight(report)) console.log(line);
  if (options.offline) console.log('  (offline: the index was not read and nothing was packaged)');
  return report.problems.length === 0;
}
