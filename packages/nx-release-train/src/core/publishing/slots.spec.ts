import { describe, expect, it } from 'vitest';
import { byPriority, ranks, toStart } from './slots';

// a -> c -> d is the longest chain (3); b, e and f have slack.
const deps = { a: [], b: [], c: ['a'], d: ['c', 'b'], e: ['a'], f: [] };

describe('ranks', () => {
  it('gives each job its chain of dependents and its slack against the longest chain', () => {
    const r = ranks(deps);
    expect(Object.fromEntries(r.height)).toEqual({ a: 3, b: 2, c: 2, d: 1, e: 1, f: 1 });
    expect(Object.fromEntries(r.slack)).toEqual({ a: 0, b: 1, c: 0, d: 0, e: 1, f: 2 });
  });

  it('ignores dependencies outside the graph and survives a cycle', () => {
    expect(Object.fromEntries(ranks({ a: ['elsewhere'] }).slack)).toEqual({ a: 0 });
    const cyc = ranks({ x: ['y'], y: ['x'], z: [] });
    expect([...cyc.slack.keys()].sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('toStart', () => {
  // Wide: many leaves with slack beside one chain k1 -> k2 -> k3.
  const wide = { k1: [], k2: ['k1'], k3: ['k2'], l1: [], l2: [], l3: [], l4: [], m: ['l1'] };
  const r = ranks(wide);

  it('puts critical jobs first, then the longer chain, then the name', () => {
    expect(byPriority(['l2', 'm', 'l1', 'k1'], r)).toEqual(['k1', 'l1', 'm', 'l2']);
  });

  it('keeps one slot free for a critical job still to come', () => {
    // k2 waits for k1's index entry; four leaves are ready and three slots are free of four.
    expect(toStart(['l1', 'l2', 'l3', 'l4'], r, { limit: 4, holding: 1, criticalToCome: 1 })).toEqual(['l1', 'l2']);
    // When it comes, it takes that slot.
    expect(toStart(['k2', 'l3', 'l4'], r, { limit: 4, holding: 3, criticalToCome: 1 })).toEqual(['k2']);
  });

  it('uses every slot when no critical job is left to come, or with one slot', () => {
    expect(toStart(['l1', 'l2', 'l3', 'l4'], r, { limit: 4, holding: 1, criticalToCome: 0 })).toEqual(['l1', 'l2', 'l3']);
    expect(toStart(['l1', 'l2'], r, { limit: 1, holding: 0, criticalToCome: 2 })).toEqual(['l1']);
  });

  it('starts critical jobs in every free slot, and nothing when none is free', () => {
    const two = ranks({ a: [], b: [], c: ['a'], d: ['b'], x: [] });
    expect(toStart(['a', 'b', 'x'], two, { limit: 2, holding: 0, criticalToCome: 2 })).toEqual(['a', 'b']);
    expect(toStart(['a'], two, { limit: 2, holding: 2, criticalToCome: 2 })).toEqual([]);
  });
});
