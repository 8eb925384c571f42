/**
 * The text `nx publish-plan` prints: waves, what the index already has, and an ETA from the
 * registry's rate-limit budget. Pure: the index's answers come in as data.
 */
import type { Workspace } from '../model';
import { estimatePublish, formatDuration, longestChain, rateLimitBoundMs, type Budget, type RateBudget } from './eta';
import type { PublishOrder } from './order';

/** Per crate: in the index at this version, in the index at other versions only, absent, or unknown. */
export type IndexState = 'published' | 'exists' | 'new' | { error: string };

export interface PublishPlanInput {
  ws: Workspace;
  order: PublishOrder;
  state: Record<string, IndexState>;
  where: string;
  budget: RateBudget;
  /** Where the limits come from, e.g. `crates.io's known limits`. */
  limitsFrom: string;
  /** One upload, and from an upload to its version showing in the index. */
  publishMs: number;
  indexMs: number;
  /**
   * Measured on this machine, when known: the preflight (packaging every crate once, which
   * `publish` does before its first upload; the uploads send those packages as they are).
   */
  measured?: { preflightMs: number };
  /** Publishes at once in the run, and where that number comes from. */
  parallel: number;
  parallelFrom: string;
  /** Trusted publishing: no per-user limit on new versions. */
  trusted: boolean;
}

const budgetText = (b: Budget | null, what: string) => (b ? `${what}: ${b.burst} at once, then 1 every ${formatDuration(b.intervalMs)}` : `${what}: no limit`);

export function formatPlan(input: PublishPlanInput): { lines: string[]; toPublish: string[] } {
  const { ws, order, state } = input;
  const version = new Map(ws.members.map((c) => [c.name, c.version]));
  const lines: string[] = [];
  const total = order.waves.flat().length;
  lines.push(`Publish plan for ${input.where}: ${total} publishable crates in ${order.waves.length} waves`);
  const toPublish: string[] = [];
  order.waves.forEach((wave, i) => {
    const items = wave.map((name) => {
      const s = state[name];
      const label = s === 'published' ? ' (published)' : typeof s === 'object' ? ' (index unreadable)' : s === 'new' ? ' (new crate)' : '';
      if (s !== 'published') toPublish.push(name);
      return `${name}@${version.get(name)}${label}`;
    });
    lines.push(`  wave ${i + 1}: ${items.join(', ')}`);
  });
  const unreadable = Object.entries(state).flatMap(([name, s]) => (typeof s === 'object' ? [{ name, error: s.error }] : []));
  // One reason for all (no network, the registry down) is said once, not once per crate.
  const reasons = new Set(unreadable.map((u) => u.error));
  if (reasons.size === 1 && unreadable.length > 1) lines.push(`  warning: could not read ${unreadable.length} crates from the index: ${[...reasons][0]}`);
  else for (const u of unreadable) lines.push(`  warning: could not read ${u.name} from the index: ${u.error}`);
  const published = total - toPublish.length;
  const fresh = new Set(toPublish.filter((n) => state[n] === 'new'));
  const news = fresh.size ? ` (${fresh.size} new crate${fresh.size === 1 ? '' : 's'})` : '';
  lines.push(
    unreadable.length === total
      ? `Already published: unknown, the index could not be read; to publish: at most ${total}`
      : unreadable.length
        ? `Already published: ${published} of ${total}, ${unreadable.length} unknown (the index could not be read for them); to publish: at most ${toPublish.length}${news}`
        : `Already published: ${published} of ${total}; to publish: ${toPublish.length}${news}`,
  );
  if (toPublish.length) lines.push(...estimateLines(input, toPublish, fresh));
  return { lines, toPublish };
}

/** Tenths of a second below 10 s (measured parts are often under a second), else formatDuration. */
const short = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms));

/**
 * The estimate: the run simulated with its real concurrency and the registry's known limits,
 * beside its two bounds, the critical path (the longest chain x (upload + index latency)) and
 * the rate-limit bound, saying which one dominates.
 */
function estimateLines(input: PublishPlanInput, toPublish: string[], fresh: Set<string>): string[] {
  const needs = Object.fromEntries(toPublish.map((n) => [n, input.order.needs[n].filter((d) => toPublish.includes(d))]));
  const startMs = input.measured?.preflightMs ?? 0;
  const stepMs = input.publishMs + input.indexMs;
  // The batch frees a crate's slot once its upload is done (commands/publish/schedule.ts).
  const slotMs = input.publishMs;
  const eta = estimatePublish({ needs, newCrates: fresh, budget: input.budget, publishMs: stepMs, slotMs, parallel: input.parallel });
  const chain = longestChain(needs);
  const pathMs = startMs + chain * stepMs;
  const rateMs = Math.max(rateLimitBoundMs(toPublish.length - fresh.size, input.budget.newVersions), rateLimitBoundMs(fresh.size, input.budget.newCrates));
  const versions =
    input.trusted && !input.budget.newVersions
      ? 'new versions: no per-user limit under trusted publishing'
      : budgetText(input.budget.newVersions, 'new versions');
  const dominant =
    rateMs > pathMs ? 'the rate limits dominate' : rateMs === 0 ? 'the critical path dominates (no rate limit is reached)' : 'the critical path dominates';
  const perCrate = `${formatDuration(input.publishMs)} upload + ${formatDuration(input.indexMs)} until the index shows it`;
  const start = input.measured ? `preflight ${short(startMs)} (measured) + ` : '';
  return [
    `Estimate: about ${formatDuration(startMs + eta.totalMs)} with ${input.parallel} at once (${input.parallelFrom}); per crate: ${perCrate}`,
    `  critical path: ${start}${chain} crate${chain === 1 ? '' : 's'} in a chain x ${short(stepMs)} = ${formatDuration(pathMs)}`,
    `  rate-limit bound: ${formatDuration(rateMs)} (${input.limitsFrom}: ${versions}; ${budgetText(input.budget.newCrates, 'new crates')})` +
      (eta.throttled ? `; ${eta.throttled} ${eta.throttled === 1 ? 'publish waits' : 'publishes wait'} for the limit` : ''),
    `  ${dominant}`,
  ];
}
