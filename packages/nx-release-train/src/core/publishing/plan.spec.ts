import { describe, expect, it } from 'vitest';
import type { Workspace } from '../model';
import { CRATES_IO_BUDGET } from './eta';
import { formatPlan } from './plan';
import { publishOrder } from './order';

const dep = (crate: string) => ({
  key: crate,
  crate,
  kind: 'normal' as const,
  target: null,
  req: '=1.0.0',
  optional: false,
  inherited: false,
  file: 'x/Cargo.toml',
  line: 1,
});
const crate = (name: string, deps: string[] = []) => ({
  name,
  dir: name,
  manifest: `${name}/Cargo.toml`,
  version: '1.0.0',
  versionFrom: 'literal' as const,
  publishable: true,
  line: '1.x',
  deps: deps.map(dep),
});
const ws: Workspace = {
  rootManifest: 'Cargo.toml',
  version: null,
  diagnostics: [],
  members: [crate('base'), crate('mid', ['base']), crate('top', ['mid', 'base'])],
};

/** The plan of the three crates on crates.io, one upload at a time, for what the index said of each. */
const planOneAtATime = (state: Parameters<typeof formatPlan>[0]['state']) =>
  formatPlan({
    ws,
    order: publishOrder(ws),
    state,
    where: 'crates.io',
    budget: CRATES_IO_BUDGET,
    limitsFrom: 'x',
    publishMs: 1_000,
    indexMs: 0,
    parallel: 1,
    parallelFrom: 'x',
    trusted: false,
  });

describe('formatPlan', () => {
  it('prints waves, what is published, and an ETA for the rest', () => {
    const { lines, toPublish } = formatPlan({
      ws,
      order: publishOrder(ws),
      state: { base: 'published', mid: 'exists', top: 'new' },
      where: 'crates.io',
      budget: CRATES_IO_BUDGET,
      limitsFrom: "crates.io's known limits",
      publishMs: 20_000,
      indexMs: 10_000,
      parallel: 8,
      parallelFrom: "the publish target's concurrency",
      trusted: false,
    });
    expect(toPublish).toEqual(['mid', 'top']);
    expect(lines).toEqual([
      'Publish plan for crates.io: 3 publishable crates in 3 waves',
      '  wave 1: base@1.0.0 (published)',
      '  wave 2: mid@1.0.0',
      '  wave 3: top@1.0.0 (new crate)',
      'Already published: 1 of 3; to publish: 2 (1 new crate)',
      "Estimate: about 1 min 00 s with 8 at once (the publish target's concurrency); per crate: 20 s upload + 10 s until the index shows it",
      '  critical path: 2 crates in a chain x 30 s = 1 min 00 s',
      "  rate-limit bound: 0 s (crates.io's known limits: new versions: 30 at once, then 1 every 1 min 00 s; new crates: 5 at once, then 1 every 10 min 00 s)",
      '  the critical path dominates (no rate limit is reached)',
    ]);
  });

  it('says when the rate limits dominate, and drops the per-user limit under trusted publishing', () => {
    const many: Workspace = { ...ws, members: Array.from({ length: 40 }, (_, i) => crate(`c${i}`)) };
    const input = {
      ws: many,
      order: publishOrder(many),
      state: Object.fromEntries(many.members.map((c) => [c.name, 'exists' as const])),
      where: 'crates.io',
      budget: CRATES_IO_BUDGET,
      limitsFrom: "crates.io's known limits",
      publishMs: 5_000,
      indexMs: 15_000,
      parallel: 8,
      parallelFrom: "the publish target's concurrency",
      trusted: false,
    };
    const tokenRun = formatPlan(input).lines.slice(-4);
    // 40 versions: 30 at once, then 10 more at 1 a minute. A slot is free again after each 5 s
    // upload (the index wait holds none), so the burst is spent before the first refill: all 10 wait.
    expect(tokenRun[0]).toMatch(/^Estimate: about 10 min \d\d s with 8 at once/);
    expect(tokenRun[1]).toBe('  critical path: 1 crate in a chain x 20 s = 20 s');
    expect(tokenRun[2]).toMatch(/^  rate-limit bound: 10 min 00 s .*; 10 publishes wait for the limit$/);
    expect(tokenRun[3]).toBe('  the rate limits dominate');
    const trusted = formatPlan({ ...input, trusted: true, budget: { ...CRATES_IO_BUDGET, newVersions: null } }).lines.slice(-4);
    // No limit: 5 rounds of 8 five-second uploads, then the last one's 15 s until the index shows it.
    expect(trusted[0]).toMatch(/^Estimate: about 40 s/);
    expect(trusted[2]).toContain('new versions: no per-user limit under trusted publishing');
  });

  it('adds what was measured on this machine: the preflight, once (the uploads package nothing)', () => {
    const { lines } = formatPlan({
      ws,
      order: publishOrder(ws),
      state: { base: 'exists', mid: 'exists', top: 'exists' },
      where: 'registry "local"',
      budget: { newVersions: null, newCrates: null },
      limitsFrom: 'no limits known for "local" (setting registryLimits.local)',
      publishMs: 1_000,
      indexMs: 2_000,
      parallel: 6,
      parallelFrom: '--parallel',
      trusted: false,
      measured: { preflightMs: 5_000 },
    });
    expect(lines.slice(-4)).toEqual([
      'Estimate: about 14 s with 6 at once (--parallel); per crate: 1 s upload + 2 s until the index shows it',
      '  critical path: preflight 5.0 s (measured) + 3 crates in a chain x 3.0 s = 14 s',
      '  rate-limit bound: 0 s (no limits known for "local" (setting registryLimits.local): new versions: no limit; new crates: no limit)',
      '  the critical path dominates (no rate limit is reached)',
    ]);
  });

  it('says when the index could not be read', () => {
    const { lines } = planOneAtATime({ base: { error: 'HTTP 500' }, mid: 'published', top: 'published' });
    expect(lines).toContain('  wave 1: base@1.0.0 (index unreadable)');
    expect(lines).toContain('  warning: could not read base from the index: HTTP 500');
    expect(lines).toContain('Already published: 2 of 3, 1 unknown (the index could not be read for them); to publish: at most 1');
  });

  it('without network says the index could not be read, once, never "Already published: 0"', () => {
    const down = { error: 'cannot reach the index at https://index.crates.io/: ENOTFOUND' };
    const { lines } = planOneAtATime({ base: down, mid: down, top: down });
    expect(lines.filter((l) => l.includes('warning'))).toEqual([`  warning: could not read 3 crates from the index: ${down.error}`]);
    expect(lines).toContain('Already published: unknown, the index could not be read; to publish: at most 3');
    expect(lines.join('\n')).not.toContain('Already published: 0');
  });
});
