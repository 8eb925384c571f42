/** Planning today's train on a small workspace: `-dev` main, candidates, release day, refusals. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError } from './errors';
import { planVersions } from './plan';
import type { BumpKind } from './versions';

const options: ReleaseTrainOptions = {
  ...DEFAULT_OPTIONS,
  candidates: true,
  publicCrates: ['a'],
  archiveLine: '* [{major}.{minor}.x](release-{version})',
  versionFiles: [{ file: 'v.h', patterns: ['VERSION "{version}"', 'MAJOR {major}', 'PATCH {patch}'] }],
  // The cl line moves with every release (as Cranelift with Wasmtime).
  versionLines: { ...DEFAULT_OPTIONS.versionLines, follow: ['cl'] },
};

function tree(ws: string, cl: string, heading = '## 2.0.0\n\nUnreleased.\n'): Record<string, string> {
  return {
    'Cargo.toml': `[workspace]\nmembers = ["a", "cl"]\n\n[workspace.package]\nversion = "${ws}"\n\n[workspace.dependencies]\na = { path = "a", version = "${ws}" }\ncl = { path = "cl", version = "=${cl}" }\n`,
    'a/Cargo.toml': `[package]\nname = "a"\nversion.workspace = true\n\n[dependencies]\ncl.workspace = true\n`,
    'cl/Cargo.toml': `[package]\nname = "cl"\nversion = "${cl}"\n`,
    'Cargo.lock': `version = 4\n\n[[package]]\nname = "a"\nversion = "${ws}"\n\n[[package]]\nname = "cl"\nversion = "${cl}"\n`,
    'v.h': `VERSION "${ws}"\nMAJOR 2\nPATCH 0\n`,
    'RELEASES.md': `${heading}\n${'-'.repeat(80)}\n\n<!-- ARCHIVE_START -->\n* [1.0.x](release-1.0.0)\n`,
    'ci/RELEASES-template.md': `## VERSION\n\nUnreleased.\n\n${'-'.repeat(80)}\n`,
  };
}

function planOf(files: Record<string, string>, bump: BumpKind, date?: string) {
  const manifests = Object.keys(files).filter((p) => p.endsWith('Cargo.toml'));
  const workspace = buildWorkspace({ manifests, read: (p) => files[p] ?? null });
  return planVersions({ workspace, files, options, bump, date });
}

function after(files: Record<string, string>, bump: BumpKind, date?: string): Record<string, string> {
  const out = { ...files };
  for (const e of planOf(files, bump, date).edits) out[e.file] = e.after;
  return out;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof PlanError) return e.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message} | ${p.fix}`);
    throw e;
  }
  throw new Error('expected a PlanError');
}

describe('planning the -dev train', () => {
  it('the cut keeps -dev on main and names the archive and heading without it', () => {
    const out = after(tree('2.0.0-dev', '0.5.0-dev'), 'major');
    expect(out['Cargo.toml']).toContain('version = "3.0.0-dev"');
    expect(out['Cargo.toml']).toContain('cl = { path = "cl", version = "=0.6.0-dev" }');
    expect(out['Cargo.lock']).toContain('name = "cl"\nversion = "0.6.0-dev"');
    expect(out['v.h']).toBe('VERSION "3.0.0-dev"\nMAJOR 3\nPATCH 0\n');
    expect(out['RELEASES.md'].startsWith('## 3.0.0\n\nUnreleased.\n')).toBe(true);
    expect(out['RELEASES.md']).toContain('<!-- ARCHIVE_START -->\n* [2.0.x](release-2.0.0)\n* [1.0.x]');
  });

  it('candidates count up and leave the release notes and numeric macros alone', () => {
    const rc1 = after(tree('2.0.0-dev', '0.5.0-dev'), 'candidate');
    expect(rc1).toEqual(tree('2.0.0-rc.1', '0.5.0-rc.1'));
    expect(after(rc1, 'candidate')).toEqual(tree('2.0.0-rc.2', '0.5.0-rc.2'));
  });

  it('release day drops the suffix on both lines and dates the notes', () => {
    const out = after(tree('2.0.0-rc.2', '0.5.0-rc.2'), 'release', '2026-09-20');
    expect(out).toEqual(tree('2.0.0', '0.5.0', '## 2.0.0\n\nReleased 2026-09-20.\n'));
    // a branch cut without candidates goes straight from -dev to the release
    expect(after(tree('2.0.0-dev', '0.5.0-dev'), 'release', '2026-09-20')['Cargo.toml']).toContain('version = "2.0.0"');
  });

  it('refuses lines at different points of the train, naming the file, line and fix', () => {
    expect(problemsOf(() => planOf(tree('2.0.0-dev', '0.5.0'), 'major'))).toEqual([
      'cl/Cargo.toml:3 version line 0.5 is at 0.5.0 (released) but line workspace is at 2.0.0-dev (in development); every line of a release moves through the train together | if "cl" keeps its own version through releases, add "cl" to versionLines.fixed in nx.json; otherwise bring every line to the same suffix (here 0.5.0-dev) and commit',
    ]);
    expect(problemsOf(() => planOf(tree('2.0.0-rc.2', '0.5.0-rc.1'), 'release', '2026-09-20'))[0]).toMatch(/at 0.5.0-rc.1 \(at release candidate 1\)/);
    // The setting the fix names is the answer: cl stays where it is, the workspace is cut.
    const fixed = { ...options, versionLines: { ...options.versionLines, fixed: ['cl'] } };
    const files = tree('2.0.0-dev', '0.5.0');
    const manifests = Object.keys(files).filter((p) => p.endsWith('Cargo.toml'));
    const plan = planVersions({ workspace: buildWorkspace({ manifests, read: (p) => files[p] ?? null }), files, options: fixed, bump: 'major' });
    expect(plan.crates.map((c) => `${c.name} ${c.from} -> ${c.to}`)).toEqual(['a 2.0.0-dev -> 3.0.0-dev']);
  });

  it('refuses a candidate on a released line, a patch on a candidate, a cut of a candidate', () => {
    expect(problemsOf(() => planOf(tree('2.0.0', '0.5.0'), 'candidate'))[0]).toMatch(/^Cargo.toml:5 line workspace: version "2.0.0" is already released/);
    expect(problemsOf(() => planOf(tree('2.0.0-rc.1', '0.5.0-rc.1'), 'patch', '2026-09-20'))[0]).toMatch(/not released: a patch comes after release day/);
    expect(problemsOf(() => planOf(tree('2.0.0-rc.1', '0.5.0-rc.1'), 'major'))[0]).toMatch(/candidates live on release branches/);
  });
});
