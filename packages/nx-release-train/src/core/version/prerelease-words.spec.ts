/**
 * Pre-release words from the settings (prereleaseIdentifiers): alphas published from main are
 * counted up, released and cut instead of refused, and another line's pre-release never blocks
 * a patch of the workspace's line. Workspaces are built here, small.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions, type ReleaseTrainOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError } from './errors';
import { planVersions } from './plan';
import { stageOf, stepVersion, type PrereleaseSettings } from './prerelease';
import type { BumpKind } from './versions';

const alphas: PrereleaseSettings = { devSuffix: 'dev', candidates: false, candidateSuffix: 'rc', prereleaseIdentifiers: ['alpha', 'beta'] };
const to = (v: string, step: Parameters<typeof stepVersion>[1], settings = alphas) => {
  const r = stepVersion(v, step, settings);
  return 'to' in r ? r.to : `error: ${r.error} | ${r.fix}`;
};

describe('published pre-release words', () => {
  it('are known only when listed; a series may start at .0', () => {
    expect(stageOf('0.8.0-alpha.1', alphas)).toEqual({ kind: 'pre', id: 'alpha', n: 1 });
    expect(stageOf('0.8.0-alpha.0', alphas)).toEqual({ kind: 'pre', id: 'alpha', n: 0 });
    expect(stageOf('0.8.0-gamma.1', alphas)).toEqual({ kind: 'unknown' });
    expect(stageOf('0.8.0-alpha.1', { ...alphas, prereleaseIdentifiers: [] })).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['0.8.0-alpha.1', 'candidate', '0.8.0-alpha.2'],
    ['0.8.0-alpha.0', 'candidate', '0.8.0-alpha.1'],
    ['2.0.0-beta.3', 'candidate', '2.0.0-beta.4'],
    ['0.8.0-alpha.1', 'release', '0.8.0'],
    ['0.8.0-alpha.1', 'major', '0.9.0-alpha.0'],
    ['2.0.0-beta.3', 'major', '3.0.0-beta.0'],
  ] as const)('%s on %s -> %s', (from, step, expected) => expect(to(from, step)).toBe(expected));

  it('a patch still waits for release day, and an unknown word is refused naming the setting', () => {
    expect(to('0.8.0-alpha.1', 'patch')).toMatch(/at pre-release alpha.1, not released/);
    expect(to('0.8.0-alpha.1', 'major', { ...alphas, prereleaseIdentifiers: [] })).toMatch(/prereleaseIdentifiers in nx.json/);
  });

  it('the setting is checked: words, not devSuffix, in semver order', () => {
    expect(resolveOptions({ prereleaseIdentifiers: ['alpha', 'beta', 'rc'] }).problems).toEqual([]);
    expect(resolveOptions({ prereleaseIdentifiers: ['alpha.1'] }).problems.map((p) => p.setting)).toEqual(['prereleaseIdentifiers']);
    expect(resolveOptions({ prereleaseIdentifiers: ['dev'] }).problems[0].message).toContain('the never-published devSuffix');
    const [p] = resolveOptions({ prereleaseIdentifiers: ['beta', 'alpha'] }).problems;
    expect(p.message).toBe('setting "prereleaseIdentifiers" lists "alpha" after "beta", but semver sorts 1.0.0-alpha.1 first');
    expect(p.fix).toContain('["alpha", "beta"]');
  });
});

const options: ReleaseTrainOptions = { ...DEFAULT_OPTIONS, prereleaseIdentifiers: ['alpha'] };

/** A workspace at `ws` (crate a inherits it) with crate `x` on its own line at `x`. */
function tree(ws: string, x: string): Record<string, string> {
  return {
    'Cargo.toml': `[workspace]\nmembers = ["a", "x"]\n\n[workspace.package]\nversion = "${ws}"\n`,
    'a/Cargo.toml': `[package]\nname = "a"\nversion.workspace = true\n\n[dependencies]\nx = { path = "../x", version = "${x}" }\n`,
    'x/Cargo.toml': `[package]\nname = "x"\nversion = "${x}"\n`,
  };
}

function plan(files: Record<string, string>, bump: BumpKind, opts = options) {
  const manifests = Object.keys(files).filter((p) => p.endsWith('Cargo.toml'));
  const workspace = buildWorkspace({ manifests, read: (p) => files[p] ?? null });
  return planVersions({ workspace, files, options: opts, bump, date: '2026-12-01' });
}
const moves = (p: ReturnType<typeof plan>) => p.crates.map((c) => `${c.name} ${c.from} -> ${c.to}`);

describe('planning with published pre-releases', () => {
  it('a main at 0.8.0-alpha.1 is cut, counted up and released instead of refused', () => {
    const main = tree('0.8.0-alpha.1', '0.8.0-alpha.1');
    expect(moves(plan(main, 'major'))).toEqual(['a 0.8.0-alpha.1 -> 0.9.0-alpha.0', 'x 0.8.0-alpha.1 -> 0.9.0-alpha.0']);
    expect(moves(plan(main, 'candidate'))).toEqual(['a 0.8.0-alpha.1 -> 0.8.0-alpha.2', 'x 0.8.0-alpha.1 -> 0.8.0-alpha.2']);
    expect(moves(plan(main, 'release'))).toEqual(['a 0.8.0-alpha.1 -> 0.8.0', 'x 0.8.0-alpha.1 -> 0.8.0']);
    // Today's code (no word known) refuses it, naming the setting.
    expect(() => plan(main, 'major', DEFAULT_OPTIONS)).toThrow(/prereleaseIdentifiers/);
  });

  it("another line's pre-release (0.8.0-alpha.0 beside 0.7.3) does not block a patch of the workspace", () => {
    const p = plan(tree('0.7.3', '0.8.0-alpha.0'), 'patch');
    expect(moves(p)).toEqual(['a 0.7.3 -> 0.7.4']);
    expect(p.edits.map((e) => e.file)).toEqual(['Cargo.toml']);
    expect(p.warnings.map((w) => w.message)).toContain(
      'line 0.8 (x) stays at 0.8.0-alpha.0: it is at pre-release alpha.0, so a patch of the workspace leaves it alone',
    );
    // An unknown word on another line stays as well: its shape is not this patch's business.
    expect(moves(plan(tree('0.7.3', '0.8.0-pre.0'), 'patch', DEFAULT_OPTIONS))).toEqual(['a 0.7.3 -> 0.7.4']);
  });

  it("the workspace's own line at an unknown shape is still refused", () => {
    expect(() => plan(tree('0.7.3-gamma.1', '0.7.3'), 'patch')).toThrow(PlanError);
  });
});
