import { describe, expect, it } from 'vitest';
import { candidateNumber, planYanks, type YankCrate } from './yank-plan';

const v = (vers: string, yanked = false) => ({ vers, yanked });
const crate = (name: string, version: string, index: YankCrate['index']): YankCrate => ({ name, version, manifest: `${name}/Cargo.toml`, index });

describe('planYanks', () => {
  it("yanks each crate's own superseded candidates, never the released version", () => {
    const plan = planYanks(
      [
        crate('wasmtime', '49.0.0-rc.2', [v('48.0.0'), v('48.0.0-rc.1', true), v('49.0.0-rc.1'), v('49.0.0-rc.2')]),
        // A 0.x crate: its own 0.136.0-rc.N, not the workspace's 49.0.0-rc.N.
        crate('cranelift-codegen', '0.136.0-rc.2', [v('0.135.0'), v('0.136.0-rc.1'), v('0.136.0-rc.2')]),
      ],
      'rc',
      'dev',
    );
    expect(plan).toEqual({
      yank: [
        { crate: 'cranelift-codegen', version: '0.136.0-rc.1', supersededBy: '0.136.0-rc.2' },
        { crate: 'wasmtime', version: '49.0.0-rc.1', supersededBy: '49.0.0-rc.2' },
      ],
      missing: [],
      problems: [],
    });
  });

  it('yanks every remaining candidate at the final release, and nothing twice', () => {
    const index = [v('49.0.0-rc.1', true), v('49.0.0-rc.2'), v('49.0.0'), v('49.0.1-rc.1'), v('50.0.0-rc.1')];
    expect(planYanks([crate('w', '49.0.0', index)], 'rc', 'dev').yank).toEqual([{ crate: 'w', version: '49.0.0-rc.2', supersededBy: '49.0.0' }]);
    const after = index.map((x) => (x.vers === '49.0.0-rc.2' ? v(x.vers, true) : x));
    expect(planYanks([crate('w', '49.0.0', after)], 'rc', 'dev').yank).toEqual([]);
  });

  it('never yanks a newer candidate or another pre-release kind', () => {
    const plan = planYanks(
      [crate('w', '49.0.0-rc.2', [v('49.0.0-rc.1'), v('49.0.0-rc.2'), v('49.0.0-rc.3'), v('49.0.0-beta.1'), v('49.0.0-rc.1.1')])],
      'rc',
      'dev',
    );
    expect(plan.yank.map((y) => y.version)).toEqual(['49.0.0-rc.1']);
  });

  it('waits until every crate of the release is in the index', () => {
    const plan = planYanks([crate('a', '1.0.0', [v('1.0.0-rc.1'), v('1.0.0')]), crate('b', '1.0.0', [v('1.0.0-rc.1')])], 'rc', 'dev');
    expect(plan.missing).toEqual(['b@1.0.0']);
  });

  it('refuses a development version: it supersedes no candidate, whatever the index holds', () => {
    const plan = planYanks([crate('a', '1.0.0-dev', [v('1.0.0-rc.1'), v('1.0.0-dev')])], 'rc', 'dev');
    expect(plan.problems.map((p) => p.message)).toEqual([
      'a has version 1.0.0-dev in a/Cargo.toml: a development version (-dev), which is never released and supersedes no candidate',
    ]);
    expect(plan.yank).toEqual([]);
    expect(planYanks([crate('a', '1.0.0-nightly', [v('1.0.0-nightly')])], 'rc', 'nightly').problems).toHaveLength(1);
  });

  it('refuses a version it does not understand and reports unreadable indexes', () => {
    const plan = planYanks([crate('a', '1.0.0-beta', [v('1.0.0-rc.1')]), crate('b', '1.0.0', { error: 'HTTP 500' })], 'rc', 'dev');
    expect(plan.problems.map((p) => p.message)).toEqual([
      'a has version 1.0.0-beta in a/Cargo.toml: neither a release nor a candidate (X.Y.Z-rc.N)',
      'cannot read b from the index: HTTP 500',
    ]);
    expect(plan.yank).toEqual([]);
  });

  it('reads candidate numbers', () => {
    expect(candidateNumber('1.0.0-rc.3', 'rc')).toBe(3);
    expect(candidateNumber('1.0.0-rc.x', 'rc')).toBeNull();
    expect(candidateNumber('1.0.0', 'rc')).toBeNull();
  });
});
