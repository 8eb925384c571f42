/**
 * `nx release-yank`: after a release is published, yank the candidates it supersedes
 * (core/publishing/yank-plan.ts), one at a time, waiting out 429s as publishing does. A
 * failed yank is reported and the command fails, so a rerun retries it; the rerun yanks
 * nothing twice (the index shows what is yanked). Never uses a trusted-publishing token:
 * the registry refuses yanks with those; the token comes from `yankTokenVariable`.
 */
import type { ReleaseYankFlags } from '../core/flags/release-yank';
import { afterRetry, decide, retryPolicy, type RetryPolicy, type RetryState } from '../core/publishing/retry';
import { planYanks, type YankCrate, type YankItem } from '../core/publishing/yank-plan';
import { ReleaseError } from '../core/release';
import { yankVersion } from '../effects/registry-yank';
import type { Command, CommandInput } from './command';
import { envReads } from '../core/env-reads';
import { publishTarget, registryEnvReads, registryLabel, resolveRegistry, type RegistryRequest } from './publish/publish-target';
import type { Services } from './services';

export interface ReleaseYankRequest extends RegistryRequest {
  dryRun: boolean;
  retry: RetryPolicy;
  /** The variable the yank token is read from (setting yankTokenVariable), named in messages. */
  yankTokenVariable: string;
  /** The token with the yank scope, from that variable. Never printed. */
  yankToken?: string;
}

export function resolveReleaseYank(input: CommandInput<ReleaseYankFlags>): ReleaseYankRequest {
  const variable = input.options.yankTokenVariable;
  return {
    ...resolveRegistry(input),
    dryRun: input.flags.dryRun,
    retry: retryPolicy(input.flags),
    yankTokenVariable: variable,
    yankToken: input.env[variable] || undefined,
  };
}

/** Returns false when a yank failed (each failure is printed; a rerun retries it). */
export async function releaseYank(req: ReleaseYankRequest, services: Services): Promise<boolean> {
  const ctx = publishTarget(req, services);
  const log = services.log;
  const where = registryLabel(ctx.registry);
  const crates: YankCrate[] = await Promise.all(
    ctx.ws.members
      .filter((c) => c.publishable)
      .map(async (c) => ({
        name: c.name,
        version: c.version,
        manifest: c.manifest,
        index: await ctx
          .index()
          .versions(c.name)
          .catch((e: Error) => ({ error: e.message })),
      })),
  );
  const plan = planYanks(crates, ctx.options.candidateSuffix, ctx.options.devSuffix);
  if (plan.problems.length) {
    throw new ReleaseError(
      `release-yank cannot plan:\n${plan.problems.map((p) => `  ${p.message}. Fix: ${p.fix}`).join('\n')}`,
      'fix the problems above and rerun; nothing was yanked',
    );
  }
  if (plan.missing.length) {
    throw new ReleaseError(
      `not every crate of the release is in the index of ${where} yet (${plan.missing.join(', ')}); candidates are yanked only after the whole release is published`,
      'run the publish target until it succeeds, then rerun nx release-yank; nothing was yanked',
    );
  }
  if (!plan.yank.length) {
    log.info(`release-yank: nothing to yank on ${where} (no superseded candidate left unyanked)`);
    return true;
  }
  if (req.dryRun) {
    for (const y of plan.yank) log.info(`would yank ${y.crate}@${y.version} (superseded by ${y.supersededBy})`);
    log.info(`release-yank: ${plan.yank.length} to yank on ${where} (dry run: nothing yanked)`);
    return true;
  }
  const variable = req.yankTokenVariable;
  const token = req.yankToken;
  if (!token) {
    throw new ReleaseError(
      `${variable} is not set: release-yank needs a registry token with the yank scope`,
      `set ${variable} (setting yankTokenVariable) from a secret holding such a token; trusted-publishing tokens cannot yank`,
    );
  }
  const apiUrl = await services.registry.apiUrl(ctx.indexUrl(), req.token);
  const failed: string[] = [];
  let yanked = 0;
  for (const item of plan.yank) {
    const problem = await yankOne(services, apiUrl, item, token, req.retry, ctx.registry, variable);
    if (problem) {
      failed.push(problem);
      log.error(`error: ${problem}`);
    } else {
      yanked += 1;
      log.info(`yanked ${item.crate}@${item.version} (superseded by ${item.supersededBy})`);
    }
  }
  log.info(`release-yank: ${yanked} yanked${failed.length ? `, ${failed.length} failed` : ''} on ${where}`);
  if (failed.length) {
    log.error('release-yank: rerun nx release-yank to retry the failed yanks (yanked versions are not yanked twice); the release itself is complete.');
  }
  return failed.length === 0;
}

/** One yank with retries; returns why it failed, or null. */
async function yankOne(
  services: Services,
  apiUrl: string,
  item: YankItem,
  token: string,
  policy: RetryPolicy,
  registry: string | null,
  variable: string,
): Promise<string | null> {
  const where = registryLabel(registry);
  const id = `${item.crate}@${item.version}`;
  let state: RetryState = { transientFailures: 0, rateLimitedMs: 0 };
  for (;;) {
    const answer = await yankVersion(apiUrl, item.crate, item.version, token, () => services.clock.now(), services.registry.fetch);
    if (answer.ok) return null;
    const { failure } = answer;
    if (failure.kind === 'auth') {
      return `${where} refused to yank ${id} (HTTP ${failure.status}: ${failure.detail}). Fix: set ${variable} to a token with the yank scope for ${item.crate}`;
    }
    if (failure.kind === 'other') return `${where} refused to yank ${id} (${failure.detail})`;
    const decision = decide(failure, state, policy, services.clock.now(), { crate: item.crate, version: item.version, registry });
    if (decision.kind === 'stop') return `yank of ${id} stopped: ${decision.message}`;
    if (decision.kind !== 'retry') return `unexpected answer yanking ${id}`;
    services.log.info(`${id}: retrying the yank in ${Math.ceil(decision.waitMs / 1000)} s (${decision.reason})`);
    await services.clock.sleep(decision.waitMs);
    state = afterRetry(state, failure, decision.waitMs);
  }
}

export const releaseYankCommand: Command<ReleaseYankFlags, ReleaseYankRequest, boolean> = {
  name: 'release-yank',
  resolve: resolveReleaseYank,
  // A yank needs the yank-scoped token; a dry run only reads the index.
  env: ({ flags, options }) =>
    envReads(registryEnvReads(flags, options), flags.dryRun ? { optional: [options.yankTokenVariable] } : { required: [options.yankTokenVariable] }),
  run: releaseYank,
};
