import { describe, expect, it } from 'vitest';
import type { Crate, MemberDep, Workspace } from '../model';
import { CRATES_IO_BUDGET, estimatePublish, formatDuration } from './eta';
import { publishOrder, transitiveNeeds } from './order';

type DepSpec = string | { crate: string; kind?: MemberDep['kind']; req?: string | null };

function crate(name: string, deps: DepSpec[] = [], publishable = true): Crate {
  return {
    name,
    dir: `crates/${name}`,
    manifest: `crates/${name}/Cargo.toml`,
    version: '1.0.0',
    versionFrom: 'workspace',
    publishable,
    line: 'workspace',
    deps: deps.map((d, i) => {
      const spec = typeof d === 'string' ? { crate: d } : d;
      return {
        key: spec.crate,
        crate: spec.crate,
        kind: spec.kind ?? 'normal',
        target: null,
        req: spec.req === undefined ? '=1.0.0' : spec.req,
        optional: false,
        inherited: false,
        file: `crates/${name}/Cargo.toml`,
        line: 10 + i,
      };
    }),
  };
}

const ws = (...members: Crate[]): Workspace => ({ rootManifest: 'Cargo.toml', version: '1.0.0', members, diagnostics: [] });

describe('publishOrder', () => {
  it('groups crates into dependency levels', () => {
    const order = publishOrder(
      ws(crate('cli', ['api', 'flags']), crate('api', ['core', { crate: 'gen', kind: 'build' }]), crate('flags'), crate('core'), crate('gen', ['core'])),
    );
    expect(order.diagnostics).toEqual([]);
    expect(order.waves).toEqual([['core', 'flags'], ['gen'], ['api'], ['cli']]);
    expect(order.needs.api).toEqual(['core', 'gen']);
    expect(transitiveNeeds(order.needs, 'cli')).toEqual(['api', 'core', 'flags', 'gen']);
  });

  it('lets a path-only dev-dependency close a cycle without ordering anything', () => {
    const order = publishOrder(ws(crate('a', ['b']), crate('b', [{ crate: 'a', kind: 'dev', req: null }])));
    expect(order.diagnostics).toEqual([]);
    expect(order.waves).toEqual([['b'], ['a']]);
  });

  it('orders by a dev-dependency that carries a version', () => {
    const order = publishOrder(ws(crate('a'), crate('b', [{ crate: 'a', kind: 'dev' }])));
    expect(order.waves).toEqual([['a'], ['b']]);
  });

  it('names both crates of a cycle, with files, lines and a fix', () => {
    const order = publishOrder(ws(crate('a', ['b']), crate('b', [{ crate: 'a', kind: 'dev', req: '=1.0.0' }])));
    expect(order.waves).toEqual([]);
    const [d] = order.diagnostics;
    expect(d.level).toBe('error');
    expect(d.message).toContain('cycle between "a" and "b"');
    expect(d.message).toContain('"b" needs "a" (dev-dependency with a version, crates/b/Cargo.toml:10)');
    expect(d.fix).toMatch(/remove the version from the dev-dependency "a" in crates\/b\/Cargo.toml:10/);
  });

  it('reports a longer cycle as a closed path', () => {
    const order = publishOrder(ws(crate('a', ['b']), crate('b', ['c']), crate('c', ['a']), crate('d', ['a'])));
    expect(order.diagnostics[0].message).toContain('"a" -> "b" -> "c" -> "a"');
  });

  it('leaves private crates out and reports what cargo would refuse', () => {
    const order = publishOrder(
      ws(crate('a', [{ crate: 'priv' }, { crate: 'b', req: null }, { crate: 'priv', kind: 'dev', req: null }]), crate('b'), crate('priv', [], false)),
    );
    expect(order.waves).toEqual([['b'], ['a']]);
    expect(order.diagnostics.map((d) => d.message)).toEqual([
      'publishable crate "a" needs "priv" from the registry, but "priv" has publish = false',
      'crate "a" has a dependency on "b" without a version; cargo publish refuses it',
    ]);
  });
});

describe('estimatePublish', () => {
  const chain = (n: number) => {
    const needs: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) needs[`c${i}`] = i ? [`c${i - 1}`] : [];
    return needs;
  };
  const flat = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${String(i).padStart(2, '0')}`, []]));

  it('is the critical path when the budget is large enough', () => {
    const eta = estimatePublish({ needs: chain(5), newCrates: new Set(), budget: CRATES_IO_BUDGET, publishMs: 10_000, parallel: 4 });
    expect(eta.totalMs).toBe(50_000);
    expect(eta.throttled).toBe(0);
  });

  it('spends the burst, then one publish per interval', () => {
    // 59 independent new versions, plenty of parallelism: 30 at once, then 29 one a minute.
    const eta = estimatePublish({ needs: flat(59), newCrates: new Set(), budget: CRATES_IO_BUDGET, publishMs: 5_000, parallel: 64 });
    expect(eta.throttled).toBe(29);
    expect(eta.totalMs).toBe(29 * 60_000 + 5_000);
  });

  it('uses the new-crate budget for crates not yet in the registry', () => {
    const needs = flat(7);
    const eta = estimatePublish({
      needs,
      newCrates: new Set(Object.keys(needs)),
      budget: CRATES_IO_BUDGET,
      publishMs: 1_000,
      parallel: 8,
    });
    expect(eta.totalMs).toBe(2 * 600_000 + 1_000);
  });

  it('is bounded by parallelism and ignores dependencies already published', () => {
    const eta = estimatePublish({
      needs: { a: ['gone'], b: [], c: [], d: [] },
      newCrates: new Set(),
      budget: { newVersions: null, newCrates: null },
      publishMs: 1_000,
      parallel: 2,
    });
    expect(eta.totalMs).toBe(2_000);
  });

  it('formats durations', () => {
    expect([12_400, 200_000, 3_900_000].map(formatDuration)).toEqual(['12 s', '3 min 20 s', '1 h 05 min']);
  });
});
