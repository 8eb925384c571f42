/**
 * `nx publish-plan`: read-only. Prints the waves, what the index already has, the preflight
 * that `publish` runs before its first upload (every crate packaged: sizes, new crates,
 * versions already there, order), whether the release is a candidate or final and which candidates it supersedes, and an honest estimate: the run's real concurrency, the
 * registry's known limits (none assumed for registries other than crates.io unless set), no
 * per-user limit under trusted publishing, and the critical path beside the rate-limit bound.
 * Fails when the preflight would refuse the release.
 */
import { formatProblem, ReleaseError } from '../core/errors';
import { parseFlags } from '../core/flags/define';
import { publishFlags } from '../core/flags/publish';
import type { PublishPlanFlags } from '../core/flags/publish-plan';
import { candidateLines, type IndexVersions } from '../core/publishing/candidates';
import { registryProfile } from '../core/publishing/limits';
import { publishOrder } from '../core/publishing/order';
import { formatPlan, type IndexState } from '../core/publishing/plan';
import type { PublishAuth } from '../core/publishing/trusted';
import { formatPreflight } from '../core/publishing/upload-checks';
import type { Command, CommandInput } from './command';
import { envReads, OIDC_REQUEST } from '../core/env-reads';
import { publishTarget, registryEnvReads, registryKey, resolveRegistry, type PublishTarget, type RegistryRequest } from './publish/publish-target';
import { authOf, runPreflight } from './publish/upload-checks';
import type { Services } from './services';

export interface PublishPlanRequest extends RegistryRequest {
  flags: PublishPlanFlags;
  /** Publishes at once: --parallel > the publish target's concurrency in the graph > publish's default. */
  parallel: number;
  parallelFrom: string;
  /** --trusted, else what the environment holds (as publish decides). */
  auth: PublishAuth;
}

export function resolvePublishPlan(input: CommandInput<PublishPlanFlags>): PublishPlanRequest {
  const { flags, graph, env } = input;
  const registry = resolveRegistry(input);
  const configured = graph?.publishConcurrency;
  // publish's default concurrency, from its own flag schema (the one place it is written).
  const fallback = parseFlags(publishFlags, {}).concurrency;
  return {
    ...registry,
    flags,
    parallel: flags.parallel ?? configured ?? fallback,
    parallelFrom: flags.parallel !== undefined ? '--parallel' : `the publish target's concurrency${configured === undefined ? `, default ${fallback}` : ''}`,
    auth: flags.trusted ? { mode: 'trusted' } : authOf(registry.registry, env),
  };
}

/** Returns false when the preflight would refuse the release. */
export async function publishPlan(req: PublishPlanRequest, services: Services): Promise<boolean> {
  const ctx = publishTarget(req, services);
  const options = req.flags;
  const log = services.log;
  const order = publishOrder(ctx.ws);
  const errors = order.diagnostics.filter((d) => d.level === 'error');
  for (const d of order.diagnostics) if (d.level !== 'error') log.warn(formatProblem(d));
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
  const where = ctx.registry ? `registry "${ctx.registry}" (${ctx.indexUrl()})` : 'crates.io';
  const auth = req.auth;
  const trusted = auth.mode === 'trusted';
  const profile = registryProfile(registryKey(ctx.registry), ctx.options.registryLimits, trusted);
  const flag = (burst: number | undefined, interval: number | undefined, b: (typeof profile.budget)['newVersions']) =>
    burst === undefined && interval === undefined ? b : { burst: burst ?? b?.burst ?? 0, intervalMs: (interval ?? (b ? b.intervalMs / 1000 : 60)) * 1000 };
  // The preflight first: publish runs it before its first upload, so its time counts.
  const t0 = services.clock.now();
  const report = await runPreflight(ctx, services.clock, { crates: names, auth, dryRun: true, offline: options.offline });
  const measured = options.offline || !report.upload.length ? undefined : { preflightMs: services.clock.now() - t0 };
  const { lines } = formatPlan({
    ws: ctx.ws,
    order,
    state,
    where,
    parallel: req.parallel,
    parallelFrom: req.parallelFrom,
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
  for (const line of lines) log.info(line);
  const failed = Object.values(state).flatMap((s) => (typeof s === 'object' ? [s.error] : []));
  const unread = options.offline
    ? { count: names.length, why: 'offline, the index was not read' }
    : failed.length
      ? { count: failed.length, why: `the index could not be read: ${failed[0]}` }
      : null;
  for (const line of candidateLines(
    names.map((n) => ({ name: n, version: version.get(n)! })),
    seen,
    ctx.options,
    unread,
  ))
    log.info(line);
  log.info(
    `Authentication: ${auth.mode === 'token' ? `the token in ${auth.variable}` : trusted ? 'trusted publishing (GitHub Actions OIDC)' : `none found (${auth.variable} unset, no OIDC)`}`,
  );
  for (const line of formatPreflight(report)) log.info(line);
  if (options.offline) log.info('  (offline: the index was not read and nothing was packaged)');
  return report.problems.length === 0;
}

export const publishPlanCommand: Command<PublishPlanFlags, PublishPlanRequest, boolean> = {
  name: 'publish-plan',
  resolve: resolvePublishPlan,
  // Read as publish reads them, so the plan shows the authentication the upload will use.
  env: ({ flags, options }) => envReads(registryEnvReads(flags, options), { optional: OIDC_REQUEST }),
  run: publishPlan,
};
