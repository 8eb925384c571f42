/**
 * Lockstep workspaces of other shapes (issue 22), each built here in miniature and replayed as
 * its project releases it: the planner's after-tree is compared byte for byte with the tree
 * the project's own release commit wrote (written out below by hand, file by file).
 * e2e/commands/shapes.test.ts runs the same shapes through the commands and check-history.
 */
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError } from './errors';
import { planVersions, type PlanInput } from './plan';
import { SHAPES, type Shape } from '../../../../../e2e/fixtures/shapes';

function planOf(shape: Shape, extra: Partial<PlanInput> = {}) {
  const files = shape.before;
  const workspace = buildWorkspace({ manifests: Object.keys(files).filter((f) => f.endsWith('Cargo.toml')), read: (p) => files[p] ?? null });
  const { options, problems } = resolveOptions(shape.options);
  expect(problems).toEqual([]);
  return planVersions({ workspace, files, options, bump: shape.bump, level: shape.level, date: '2026-12-01', ...extra });
}

/** The tree after the plan: every file of `before`, edited ones replaced. */
function after(shape: Shape, extra: Partial<PlanInput> = {}): Record<string, string> {
  const out = { ...shape.before };
  for (const e of planOf(shape, extra).edits) out[e.file] = e.after;
  return out;
}

function refusals(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PlanError) return e.problems.filter((p) => p.level === 'error').map((p) => `${p.file}: ${p.message} | fix: ${p.fix}`);
    throw e;
  }
  throw new Error('expected a PlanError');
}

describe('lockstep shapes replayed byte for byte', () => {
  it.each(Object.entries(SHAPES))('%s', (_, shape) => {
    expect(after(shape)).toEqual(shape.after);
  });

  it('the minor release says why each line moves', () => {
    const p = planOf(SHAPES['minor release of 1.256 / 0.256 / 256 lines']);
    expect(p.lines.map((l) => `${l.line}: ${l.from} -> ${l.to} (${l.reason})`)).toEqual([
      "workspace: 1.256.0 -> 1.257.0 (the release's line)",
      '0.256: 0.256.0 -> 0.257.0 (versionLines.follow names encoder)',
      '256: 256.0.0 -> 257.0.0 (versionLines.follow names wast)',
      "1: 1.256.0 -> 1.257.0 (on the release's compatibility line 1.x)",
    ]);
    expect(p.staying).toEqual([]);
  });

  it('helpers and an example publishable by omission stay, each with the reason', () => {
    const p = planOf(SHAPES['patch of a 1.17 workspace, helpers on their own line']);
    expect(p.primary?.line).toBe('1');
    expect(p.staying.map((l) => `${l.line} ${l.version} ${l.crates.join(',')}: ${l.reason}`)).toEqual([
      '0.4 0.4.1 helper-macros,helper-shared: no release tag carries 0.4.1, and versionLines.follow names none of its crates',
      '0.3 0.3.0 demo-app: no release tag carries 0.3.0, and versionLines.follow names none of its crates',
    ]);
    // The example stays, but its requirement on app moves: what its next publish needs is said.
    expect(p.warnings.map((w) => `${w.file}:${w.line}: ${w.message} | ${w.fix}`)).toEqual([
      'examples/demo-app/Cargo.toml:7: crate demo-app stays at 0.3.0 (line 0.3: no release tag carries 0.3.0, and versionLines.follow names none of its crates), but its requirement on app moves | to publish it with the new requirement, move its line too (versionLines.follow: ["demo-app"])',
    ]);
  });

  it('a minor release keeps the dev suffix, and a line asked for a patch takes one', () => {
    const shape = SHAPES['minor release of 1.256 / 0.256 / 256 lines'];
    const dev = Object.fromEntries(Object.entries(shape.before).map(([f, t]) => [f, t.replace(/(\d+\.256\.0|256\.0\.0)(?=")/g, '$1-dev')]));
    const p = planOf({ ...shape, before: dev });
    expect(p.lines.map((l) => `${l.line}: ${l.from} -> ${l.to}`)).toEqual([
      'workspace: 1.256.0-dev -> 1.257.0-dev',
      '0.256: 0.256.0-dev -> 0.257.0-dev',
      '256: 256.0.0-dev -> 257.0.0-dev',
      '1: 1.256.0-dev -> 1.257.0-dev',
    ]);
    const patchOnly = { ...shape.options, versionLines: { ...shape.options.versionLines, bump: { wast: 'patch' } } };
    expect(planOf({ ...shape, options: patchOnly }).lines.find((l) => l.line === '256')?.to).toBe('256.0.1');
  });
});

describe('lines git decides', () => {
  const shape = SHAPES['patch of a 1.17 workspace, helpers on their own line'];

  it('a line changed since the tag carrying its version moves by the release step, with its requirements', () => {
    const history = new Map([
      ['0.4', { tag: 'v1.17.0', changed: ['helper-shared'] }],
      ['0.3', { tag: 'v1.17.0', changed: [] }],
    ]);
    const p = planOf(shape, { history });
    expect(p.lines.find((l) => l.line === '0.4')).toMatchObject({ from: '0.4.1', to: '0.4.2', reason: 'helper-shared changed since v1.17.0' });
    expect(p.staying).toEqual([{ line: '0.3', version: '0.3.0', crates: ['demo-app'], reason: 'unchanged since v1.17.0' }]);
    expect(after(shape, { history })['crates/helper-shared/Cargo.toml']).toBe(shape.before['crates/helper-shared/Cargo.toml'].replace('"0.4.1"', '"0.4.2"'));
  });

  it('a patch refuses a line whose next version another branch released already, naming versionLines.fixed', () => {
    // The helper fix went out on release-1.18.0 first (1.18.1: helpers 0.4.2); backported here it would make 0.4.2 again.
    const history = new Map([['0.4', { tag: 'v1.18.0', changed: ['helper-shared'], taken: [{ tag: 'v1.18.1', version: '0.4.2' }] }]]);
    expect(refusals(() => planOf(shape, { history }))).toEqual([
      'crates/helper-macros/Cargo.toml: line 0.4 (helper-macros, helper-shared) would move 0.4.1 -> 0.4.2 (helper-shared changed since v1.18.0), but v1.18.1 already released 0.4.2 from another branch: one version would be published twice | fix: ship the change to helper-macros, helper-shared on one release line only (undo it here), or keep the line at 0.4.1 on this release with versionLines.fixed',
    ]);
    // A newer version of the line released elsewhere that this patch does not reach is no clash.
    const above = new Map([['0.4', { tag: 'v1.18.0', changed: ['helper-shared'], taken: [{ tag: 'v1.19.0', version: '0.5.0' }] }]]);
    expect(planOf(shape, { history: above }).lines.find((l) => l.line === '0.4')?.to).toBe('0.4.2');
  });

  it('every line moves with follow ["*"]', () => {
    const p = planOf({ ...shape, options: { ...shape.options, versionLines: { ...shape.options.versionLines, follow: ['*'] } } });
    expect(p.staying).toEqual([]);
    expect(p.lines.map((l) => l.line)).toEqual(['1', '0.4', '0.3', '0.1']);
  });
});

describe('settings that would make a release wrong or unnameable', () => {
  const shape = SHAPES['patch of a 1.17 workspace, helpers on their own line'];

  it('several lines and no [workspace.package] version: refused, naming versionLines.release', () => {
    const { release: _release, ...lines } = shape.options.versionLines;
    expect(refusals(() => planOf({ ...shape, options: { ...shape.options, versionLines: lines } }))).toEqual([
      'Cargo.toml: several version lines (1, 0.4, 0.3, 0.1) and no [workspace.package] version: no line names the release | fix: set versionLines.release to a crate of the line the release is named after (or add [workspace.package] version)',
    ]);
  });

  it('versionLines.fixed or a group naming a crate that inherits the workspace version is refused with the fix', () => {
    const minor = SHAPES['minor release of 1.256 / 0.256 / 256 lines'];
    expect(refusals(() => planOf({ ...minor, options: { ...minor.options, versionLines: { ...minor.options.versionLines, fixed: ['tools-cli'] } } }))).toEqual([
      'nx.json: versionLines.fixed names crate tools-cli ("tools-cli"), which inherits version.workspace: it moves with [workspace.package] version whatever the setting says | fix: remove it from versionLines.fixed, or give Cargo.toml a literal version = "1.256.0" to keep it still',
    ]);
    const grouped = { ...minor.options.versionLines, groups: { cli: ['tools-*'] } };
    expect(refusals(() => planOf({ ...minor, options: { ...minor.options, versionLines: grouped } }))[0]).toContain(
      'versionLines.groups.cli names crate tools-cli ("tools-*"), which inherits version.workspace',
    );
  });

  it('versionLines.release naming no crate, or a crate that never moves, is refused; beside a workspace version it is a warning', () => {
    const named = (release: string) => ({ ...shape, options: { ...shape.options, versionLines: { ...shape.options.versionLines, release } } });
    expect(refusals(() => planOf(named('ap')))).toContain(
      'nx.json: versionLines.release names "ap", which is no crate of the workspace | fix: name a crate of the line the release is named after',
    );
    const minor = SHAPES['minor release of 1.256 / 0.256 / 256 lines'];
    const p = planOf({ ...minor, options: { ...minor.options, versionLines: { ...minor.options.versionLines, release: 'wast' } } });
    expect(p.primary?.line).toBe('workspace');
    expect(p.warnings.map((w) => w.message)).toContain('versionLines.release names wast, but [workspace.package] version (1.256.0) names the release');
  });

  it('crates of one line asking for different steps in versionLines.bump are refused', () => {
    const minor = SHAPES['minor release of 1.256 / 0.256 / 256 lines'];
    const bump = { parser: 'major', encoder: 'patch' };
    expect(refusals(() => planOf({ ...minor, options: { ...minor.options, versionLines: { ...minor.options.versionLines, bump } } }))).toEqual([
      'crates/encoder/Cargo.toml: line 0.256: versionLines.bump asks for major and patch on crates of one line (parser: major, encoder: patch) | fix: give every crate of a line the same step in versionLines.bump',
    ]);
  });
});
