/**
 * `nx release-yank`: after a release is published, yank the candidates it supersedes
 * (core/publishing/yank-plan.ts), one at a time, waiting out 429s as publishing does. A
 * failed yank is reported and the command fails, so a rerun retries it; the rerun yanks
 * nothing twice (the index shows what is yanked). Never uses a trusted-publishing token:
 * the registry refuses yanks with those; the token comes from `yankTokenVariable`.
 */
import { afterRetry, decide, DEFAULT_RETRY, tokenEnvVar, type RetryState } from '../core/publish-retry';
import { planYanks, type YankCrate, type YankItem } from '../core/publishing/yank-plan';
import { ReleaseError } from '../core/release';
import { registryApiUrl } from '../effects/registry-client';
import { yankVersion } from '../effects/registry-yank';
import type { ReleaseYankExecutorSchema } from '../executors/release-yank/schema';
import type { PublishContext } from './publish/publish-context';
import { registryLabel } from './publish/preflight';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Returns false when a yank failed (each failure is printed; a rerun retries it). */
export async function releaseYank(ctx: PublishContext, options: ReleaseYankExecutorSchema): Promise<boolean> {
  const where = registryLabel(ctx.registry);
  const crates: YankCrate[] = await Promise.all(
    ctx.ws.members
      .filter((c) => c.publishable)
      .map(async (c) => ({
        name: c.name,
        version: c.version,
        manifest: c.manifest,
        index: await ctx.index().versions(c.name).catch((e: Error) => ({ error: e.message })),
      })),
  );
  const plan = planYanks(crates, ctx.options.candidateSuffix);
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
    console.log(`release-yank: nothing to yank on ${where} (no superseded candidate left unyanked)`);
    return true;
  }
  if (options.dryRun) {
    for (const y of plan.yank) console.log(`would yank ${y.crate}@${y.version} (superseded by ${y.supersededBy})`);
    console.log(`release-yank: ${plan.yank.length} to yank on ${where} (dry run: nothing yanked)`);
    return true;
  }
  const variable = ctx.options.yankTokenVariable;
  const token = process.env[variable];
  if (!token) {
    throw new ReleaseError(
      `${variable} is not set: release-yank needs a registry token with the yank scope`,
      `set ${variable} (setting yankTokenVariable) from a secret holding such a token; trusted-publishing tokens cannot yank`,
    );
  }
  const apiUrl = await registryApiUrl(ctx.indexUrl(), process.env[tokenEnvVar(ctx.registry)]);
  const policy = {
    ...DEFAULT_RETRY,
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    backoffMs: (options.backoff ?? DEFAULT_RETRY.backoffMs / 1000) * 1000,
    maxRateLimitWaitMs: (options.maxRateLimitWait ?? DEFAULT_RETRY.maxRateLimitWaitMs / 1000) * 1000,
  };
  const failed: string[] = [];
  let yanked = 0;
  for (const item of plan.yank) {
    const problem = await yankOne(apiUrl, item, token, policy, ctx.registry, variable);
    if (problem) {
      failed.push(problem);
      console.error(`error: ${problem}`);
    } else {
      yanked += 1;
      console.log(`yanked ${item.crate}@${item.version} (superseded by ${item.supersededBy})`);
    }
  }
  console.log(`release-yank: ${yanked} yanked${failed.length ? `, ${failed.length} failed` : ''} on ${where}`);
  if (failed.length) {
    console.error('release-yank: rerun nx release-yank to retry the failed yanks (yanked versions are not yanked twice); the release itself is complete.');
  }
  return failed.length === 0;
}

/** One yank with retries; returns why it failed, or null. */
async function yankOne(apiUrl: string, item: YankItem, token: string, policy: typeof DEFAULT_RETRY, registry: string | null, variable: string): Promise<string | null> {
  const where = registryLabel(registry);
  const id = `${item.crate}@${item.version}`;
  let state: RetryState = { transientFailures: 0, rateLimitedMs: 0 };
  for (;;) {
    const answer = await yankVersion(apiUrl, item.crate, item.version, token, Date.now);
    if (answer.ok) return null;
    const { failure } = answer;
    if (failure.kind === 'auth') {
      return `${where} refused to yank ${id} (HTTP ${failure.status}: ${failure.detail}). Fix: set ${variable} to a token with the yank scope for ${item.crate}`;
    }
    if (failure.kind === 'other') return `${where} refused to yank ${id} (${failure.detail})`;
    const decision = decide(failure, state, policy, Date.now(), { crate: item.crate, version: item.version, registry });
    if (decision.kind === 'stop') return `yank of ${id} stopped: ${decision.message}`;
    if (decision.kind !== 'retry') return `unexpected answer yanking ${id}`;
    console.log(`${id}: retrying the yank in ${Math.ceil(decision.waitMs / 1000)} s (${decision.reason})`);
    await sleep(decision.waitMs);
    state = afterRetry(state, failure, decision.waitMs);
  }
}
