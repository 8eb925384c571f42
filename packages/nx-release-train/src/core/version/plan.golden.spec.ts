/**
 * Golden tests on real Wasmtime history: the plan computed from `before/tree` must turn every
 * file into the `after/tree` file byte for byte (Wasmtime's own tooling made those commits).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { wasmtimePreset } from '../../presets/wasmtime';
import { lineChanges } from './diff';
import { dependencyEntries } from './manifests';
import { planVersions, type PlanInput } from './plan';
import { scanToml } from './toml-scan';
import type { BumpKind } from './versions';

const fixtures = resolve(__dirname, '../../../../../fixtures/wasmtime');

/** Every file of a tree, keyed by POSIX path relative to it. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, r);
      else files.set(r, readFileSync(full, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}

// The Wasmtime preset, as `nx g nx-release-train:init --preset=wasmtime` writes it.
const options: ReleaseTrainOptions = { ...DEFAULT_OPTIONS, ...wasmtimePreset };

function planCase(name: string, bump: BumpKind, date?: string) {
  const before = readTree(resolve(fixtures, name, 'before/tree'));
  const after = readTree(resolve(fixtures, name, 'after/tree'));
  const workspace = buildWorkspace({
    manifests: [...before.keys()].filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml')),
    read: (p) => before.get(p) ?? null,
  });
  const input: PlanInput = { workspace, files: before, options, bump, date };
  return { before, after, input, plan: planVersions(input) };
}

/** The tree the plan produces: before, with each edit's `after` written. */
function applied(before: Map<string, string>, plan: ReturnType<typeof planVersions>): Map<string, string> {
  const out = new Map(before);
  for (const e of plan.edits) {
    expect(e.before).toBe(before.get(e.file));
    out.set(e.file, e.after);
  }
  return out;
}

function expectSameTree(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected.keys()].filter((f) => actual.get(f) !== expected.get(f));
  expect(differing).toEqual([]);
}

describe('golden: real Wasmtime release commits', () => {
  it('cut-45: main 45.0.0 -> 46.0.0, 0.132.0 -> 0.133.0, RELEASES.md rotated', () => {
    const { before, after, plan } = planCase('cut-45', 'major');
    expectSameTree(applied(before, plan), after);
    expect(plan.edits).toHaveLength(24);
    expect(plan.primary).toMatchObject({ line: 'workspace', from: '45.0.0', to: '46.0.0' });
    expect(plan.lines.map((l) => `${l.line} ${l.from} -> ${l.to}`).sort()).toEqual(['0.132 0.132.0 -> 0.133.0', 'workspace 45.0.0 -> 46.0.0']);
    // Changed lines match the real diff: one per edited value in the root manifest.
    const root = plan.edits.find((e) => e.file === 'Cargo.toml')!;
    expect(root.changes.every((c) => c.beforeLine !== null && c.afterLine !== null)).toBe(true);
    expect(root.changes.map((c) => c.line)).toContain(192);
    // Every first-party requirement follows the preset's policy: nothing to warn about.
    expect(plan.warnings).toEqual([]);
    // Changes taken from the replacements agree with a full line diff of every file.
    for (const e of plan.edits) expect(e.changes, e.file).toEqual(lineChanges(e.before, e.after));
  });

  it('patch-46.0.1: every line gets patch + 1; notes already dated stay', () => {
    const { before, after, plan } = planCase('patch-46.0.1', 'patch', '2026-06-24');
    expectSameTree(applied(before, plan), after);
    expect(plan.edits.map((e) => e.file)).not.toContain('RELEASES.md');
    expect(plan.primary).toMatchObject({ from: '46.0.0', to: '46.0.1' });
  });

  it('release-46.0.0: release day dates the top section and changes nothing else', () => {
    const { before, after, plan } = planCase('release-46.0.0', 'release', '2026-06-22');
    expectSameTree(applied(before, plan), after);
    expect(plan.edits.map((e) => e.file)).toEqual(['RELEASES.md']);
    expect(plan.edits[0].changes).toEqual([{ line: 3, beforeLine: 'Unreleased.', afterLine: 'Released 2026-06-22.' }]);
    expect(plan.lines.every((l) => l.from === l.to)).toBe(true);
  });

  it('rc-49.0.0-rc.1: the first candidate turns every -dev into -rc.1, both lines, release notes untouched', () => {
    const { before, after, plan } = planCase('rc-49.0.0-rc.1', 'candidate');
    expectSameTree(applied(before, plan), after);
    expect(plan.edits).toHaveLength(23);
    expect(plan.edits.map((e) => e.file)).not.toContain('RELEASES.md');
    expect(plan.lines.map((l) => `${l.line} ${l.from} -> ${l.to}`).sort()).toEqual([
      '0.136 0.136.0-dev -> 0.136.0-rc.1',
      'workspace 49.0.0-dev -> 49.0.0-rc.1',
    ]);
    // The string macro carries the suffix; the numeric ones never change on a candidate.
    const header = plan.edits.find((e) => e.file.endsWith('wasmtime.h'))!;
    expect(header.changes).toEqual([{ line: 232, beforeLine: '#define WASMTIME_VERSION "49.0.0-dev"', afterLine: '#define WASMTIME_VERSION "49.0.0-rc.1"' }]);
    // The preset's publicCrates matches HEAD's requirements: no policy warning remains.
    expect(plan.warnings).toEqual([]);
  });

  it('the preset lists exactly the caret requirements of [workspace.dependencies] on HEAD as public', () => {
    const root = readTree(resolve(fixtures, 'rc-49.0.0-rc.1', 'before/tree')).get('Cargo.toml')!;
    const ops = new Map<string, string>();
    for (const dep of dependencyEntries(scanToml(root))) {
      const version = dep.fields.get('version')?.value;
      if (dep.table.join('.') !== 'workspace.dependencies' || !dep.fields.has('path') || !version) continue;
      ops.set(dep.fields.get('package')?.value ?? dep.key, version.startsWith('=') ? '=' : '^');
    }
    const caret = [...ops].filter(([, op]) => op === '^').map(([n]) => n);
    const exact = [...ops].filter(([, op]) => op === '=').map(([n]) => n);
    expect(caret.length).toBeGreaterThan(20);
    expect(caret.filter((n) => !options.publicCrates.includes(n))).toEqual([]);
    expect(exact.filter((n) => options.publicCrates.includes(n))).toEqual([]);
  });

  it('rc-49.0.0-rc.1 before: the cut of a -dev main names everything after 49.0.0 and keeps -dev on main', () => {
    const { plan } = planCase('rc-49.0.0-rc.1', 'major');
    expect(plan.primary).toMatchObject({ from: '49.0.0-dev', to: '50.0.0-dev' });
    expect(plan.lines.find((l) => l.line === '0.136')).toMatchObject({ from: '0.136.0-dev', to: '0.137.0-dev' });
    const releases = plan.edits.find((e) => e.file === 'RELEASES.md')!;
    expect(releases.after.startsWith('## 50.0.0\n\nUnreleased.\n')).toBe(true);
    expect(releases.after).toContain('<!-- ARCHIVE_START -->\n* [49.0.x](https://github.com/bytecodealliance/wasmtime/blob/release-49.0.0/RELEASES.md)\n');
    expect(releases.after).not.toContain('-dev');
    const header = plan.edits.find((e) => e.file.endsWith('wasmtime.h'))!;
    expect(header.changes.map((c) => c.afterLine)).toEqual(['#define WASMTIME_VERSION "50.0.0-dev"', '#define WASMTIME_VERSION_MAJOR 50']);
  });
});

// Timing lives in tools/bench/version.mjs (`npm run bench:version`), not in unit tests.
