/**
 * The text `nx publish-plan` prints: waves, what the index already has, and an ETA from the
 * registry's rate-limit budget. Pure: the index's answers come in as data.
 */
import type { Workspace } from './model';
import { estimatePublish, formatDuration, type Budget, type RateBudget } from './publish-eta';
import type { PublishOrder } from './publish-order';

/** Per crate: in the index at this version, in the index at other versions only, absent, or unknown. */
export type IndexState = 'published' | 'exists' | 'new' | { error: string };

export interface PublishPlanInput {
  ws: Workspace;
  order: PublishOrder;
  state: Record<string, IndexState>;
  where: string;
  budget: RateBudget;
  publishMs: number;
  parallel: number;
}

const budgetText = (b: Budget | null, what: string) =>
  b ? `${what}: ${b.burst} at once, then 1 every ${formatDuration(b.intervalMs)}` : `${what}: no limit`;

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
  for (const [name, s] of Object.entries(state)) {
    if (typeof s === 'object') lines.push(`  warning: could not read ${name} from the index: ${s.error}`);
  }
  const published = total - toPublish.length;
  const fresh = new Set(toPublish.filter((n) => state[n] === 'new'));
  lines.push(`Already published: ${published} of ${total}; to publish: ${toPublish.length}${fresh.size ? ` (${fresh.size} new crate${fresh.size === 1 ? '' : 's'})` : ''}`);
  if (toPublish.length) {
    const needs = Object.fromEntries(toPublish.map((n) => [n, order.needs[n].filter((d) => toPublish.includes(d))]));
    const eta = estimatePublish({ needs, newCrates: fresh, budget: input.budget, publishMs: input.publishMs, parallel: input.parallel });
    lines.push(
      `ETA: about ${formatDuration(eta.totalMs)} with --parallel=${input.parallel}, ` +
        `${formatDuration(input.publishMs)} per publish` +
        (eta.throttled ? `, ${eta.throttled} ${eta.throttled === 1 ? 'publish waits' : 'publishes wait'} for the rate limit` : '') +
        ` (${budgetText(input.budget.newVersions, 'new versions')}; ${budgetText(input.budget.newCrates, 'new crates')})`,
    );
  }
  return { lines, toPublish };
}
