import { describe, expect, it } from 'vitest';
import { runGraph } from './schedule';

async function collect(deps: Record<string, string[]>, limit: number, fails: string[] = []) {
  const started: string[] = [];
  let running = 0;
  let peak = 0;
  const results: string[] = [];
  const run = async (id: string) => {
    started.push(id);
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return !fails.includes(id);
  };
  for await (const r of runGraph(deps, limit, run)) results.push(`${r.id}:${r.status}`);
  return { started, results, peak };
}

describe('runGraph', () => {
  const deps = { a: [], b: [], c: ['a'], d: ['c', 'b'], e: ['a'], f: [] };

  it('starts a job only after its dependencies succeeded, at most `limit` at once', async () => {
    const { started, results, peak } = await collect(deps, 2);
    expect(peak).toBe(2);
    expect(results).toHaveLength(6);
    for (const [id, ds] of Object.entries(deps)) {
      for (const d of ds) expect(started.indexOf(d)).toBeLessThan(started.indexOf(id));
    }
    // The job with the longest chain behind it goes first.
    expect(started[0]).toBe('a');
  });

  it('skips the dependents of a failed job and runs everything else', async () => {
    const { started, results } = await collect(deps, 3, ['c']);
    expect(results).toContain('c:failure');
    expect(results).toContain('d:skipped');
    expect(started).not.toContain('d');
    expect(results.filter((r) => r.endsWith(':success')).sort()).toEqual(['a:success', 'b:success', 'e:success', 'f:success']);
  });

  it('ignores dependencies outside the graph (already done) and never runs a cycle', async () => {
    expect((await collect({ a: ['elsewhere'] }, 1)).results).toEqual(['a:success']);
    expect((await collect({ x: ['y'], y: ['x'] }, 1)).results.sort()).toEqual(['x:skipped', 'y:skipped']);
  });

  it('starts the next job as soon as a running one gives its slot back, before that one ends', async () => {
    const events: string[] = [];
    const run = async (id: string, release: () => void) => {
      events.push(`start ${id}`);
      await new Promise((r) => setTimeout(r, 5));
      release(); // the upload is done; waiting for the index needs no slot
      release(); // twice is harmless
      await new Promise((r) => setTimeout(r, 20));
      events.push(`end ${id}`);
      return true;
    };
    const results: string[] = [];
    for await (const r of runGraph({ a: [], b: [], c: [] }, 1, run)) results.push(`${r.id}:${r.status}`);
    expect(results.sort()).toEqual(['a:success', 'b:success', 'c:success']);
    // With one slot, all three started before the first ended.
    expect(events.slice(0, 3)).toEqual(['start a', 'start b', 'start c']);
  });
});

describe('runGraph on the critical path', () => {
  it('keeps a slot for the next critical job, so it never waits behind jobs that could have', async () => {
    // k1 -> k2 is the longest chain; the leaves hold their slot until told.
    const deps = { k1: [], k2: ['k1'], l1: [], l2: [], l3: [] };
    const events: string[] = [];
    const control = new Map<string, { release: () => void; end: () => void }>();
    const run = (id: string, release: () => void) =>
      new Promise<boolean>((end) => {
        events.push(`start ${id}`);
        control.set(id, { release, end: () => end(true) });
      });
    const tick = () => new Promise((r) => setImmediate(r));
    const done = (async () => {
      for await (const r of runGraph(deps, 3, run)) events.push(`${r.id}:${r.status}`);
    })();
    await tick();
    // Three slots: k1, one leaf, and one kept for k2.
    expect(events).toEqual(['start k1', 'start l1']);
    control.get('k1')!.release(); // k1 uploaded; it waits for the index
    await tick();
    expect(events).toEqual(['start k1', 'start l1', 'start l2']);
    control.get('k1')!.end(); // k1 visible: k2 starts at once, in the kept slot, before k1 is reported
    await tick();
    expect(events.slice(3)).toEqual(['start k2', 'k1:success']);
    for (const id of ['l1', 'l2', 'k2']) {
      control.get(id)!.release();
      control.get(id)!.end();
      await tick();
    }
    control.get('l3')!.end();
    await done;
    expect(events.filter((e) => e.endsWith(':success')).sort()).toEqual(['k1:success', 'k2:success', 'l1:success', 'l2:success', 'l3:success']);
  });
});
