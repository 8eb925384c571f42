/**
 * The lockstep shapes of issue 22 (e2e/fixtures/shapes.ts) through the commands, real git, no
 * cargo: check-history agrees with each project's release commit (it plans through the
 * commands' own snapshot), `release-major --bump=minor` cuts the three-line workspace as the
 * project releases it, and a line changed since the release tag carrying its version moves
 * with the reason said, where an unchanged one stays.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAPES } from '../fixtures/shapes';
import { ok } from '../support/train-cli';
import { makeWorkspace, repoRoot, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function write(ws: TempWorkspace, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws.dir, file)), { recursive: true });
    writeFileSync(join(ws.dir, file), text);
  }
}

/** A git repository of a shape's `before` tree, one commit on main. */
function shapeRepo(name: keyof typeof SHAPES, message: string) {
  const shape = SHAPES[name];
  const ws = makeWorkspace({ options: shape.options, files: shape.before, git: true, message });
  cleanups.push(ws.cleanup);
  return { shape, ws };
}

const read = (ws: TempWorkspace, file: string) => readFileSync(join(ws.dir, file), 'utf8');

describe('check-history on each shape: one repository, a before and an after commit per shape', () => {
  const runs: Array<{ status: number | null; stdout: string; stderr: string }> = [];
  beforeAll(async () => {
    const ws = makeWorkspace({});
    cleanups.push(ws.cleanup);
    ws.git(['init', '-q', '-b', 'main']);
    const optionFiles: string[] = [];
    Object.entries(SHAPES).forEach(([name, shape], i) => {
      for (const entry of ['Cargo.toml', 'Cargo.lock', 'crates', 'examples', 'src']) rmSync(join(ws.dir, entry), { recursive: true, force: true });
      write(ws, shape.before);
      ws.git(['add', '-A']);
      ws.git(['commit', '-q', '-m', `${name}: before`]);
      write(ws, shape.after);
      ws.git(['commit', '-qam', `${name}: the release`]);
      ws.git(['tag', `shape-${i}`]);
      optionFiles.push(join(ws.dir, '..', `${basename(ws.dir)}-shape-${i}.json`));
      writeFileSync(optionFiles[i], JSON.stringify(shape.options));
      cleanups.push(() => rmSync(optionFiles[i], { force: true }));
    });
    // The tool once per shape, all at once (each is a node process reading the built plugin).
    const tool = (i: number) =>
      new Promise<(typeof runs)[number]>((done) =>
        execFile(process.execPath, [join(repoRoot, 'tools/check-history.mjs'), ws.dir, `shape-${i}`, `--options=${optionFiles[i]}`], (err, stdout, stderr) =>
          done({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
    runs.push(...(await Promise.all(optionFiles.map((_, i) => tool(i)))));
  });

  it.each(Object.entries(SHAPES).map(([name, shape], i) => [name, shape, i] as const))('%s: the plan matches the commit', (_, shape, i) => {
    const r = runs[i];
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${shape.bump === 'major' ? (shape.level ?? 'major') : shape.bump} bump`);
    expect(r.stdout).toContain('the plan matches the commit');
  });
});

describe('release-major --bump=minor on the three-line workspace', () => {
  it('cuts release-1.256.0 and moves main to 1.257.0 / 0.257.0 / 257.0.0, byte for byte, then patches each minor line', async () => {
    const { shape, ws } = shapeRepo('minor release of 1.256 / 0.256 / 256 lines', 'at 1.256.0');
    const out = await ok(ws, ['release-major', '--bump=minor']);
    expect(out).toContain('line workspace: 1.256.0 -> 1.257.0');
    expect(out).toContain('line 256: 256.0.0 -> 257.0.0 (1 crates): versionLines.follow names wast');
    expect(ws.git(['rev-parse', 'release-1.256.0'])).toBe(ws.git(['rev-parse', 'main^']));
    expect(ws.git(['log', '-1', '--format=%s', 'main'])).toBe('Bump version to 1.257.0');
    for (const [file, text] of Object.entries(shape.after)) expect(read(ws, file), file).toBe(text);
    expect(ws.git(['status', '--porcelain'])).toBe('');

    // Each minor is a line of its own: once 1.257.0 has its branch, both are patched.
    ws.git(['branch', 'release-1.257.0', 'main']);
    const patched = await ok(ws, ['release-patch', '--target=supported', '--date=2026-12-01']);
    expect(patched).toContain('1.256.0 -> 1.256.1');
    expect(patched).toContain('1.257.0 -> 1.257.1');
    for (const [branch, version] of [
      ['release-1.256.0', '1.256.1'],
      ['release-1.257.0', '1.257.1'],
    ])
      expect(ws.git(['show', `${branch}:Cargo.toml`])).toContain(`[workspace.package]\nversion = "${version}"`);
  });
});

describe('a line git decides: the 1.17 workspace with a release tag', () => {
  it('moves the helpers once one of them changed since v1.17.0, and says why each line moves or stays', async () => {
    const { shape, ws } = shapeRepo('minor release of a 1.17 workspace (1.17.0 -> 1.18.0)', 'at 1.17.0');
    ws.git(['tag', 'v1.17.0']);
    const unchanged = await ok(ws, ['release-major', '--bump=minor', '--dry-run']);
    expect(unchanged).toContain('line 0.4 stays at 0.4.1 (helper-macros, helper-shared): unchanged since v1.17.0');
    expect(unchanged).toContain('line 0.3 stays at 0.3.0 (demo-app): unchanged since v1.17.0');
    write(ws, { 'crates/helper-shared/src/lib.rs': 'pub fn help() {}\n' });
    ws.git(['commit', '-qam', 'a fix in helper-shared']);
    const changed = await ok(ws, ['release-major', '--bump=minor', '--dry-run']);
    expect(changed).toContain("line 1: 1.17.0 -> 1.18.0 (2 crates): the release's line");
    expect(changed).toContain('line 0.4: 0.4.1 -> 0.5.0 (2 crates): helper-shared changed since v1.17.0');
    expect(changed).toContain('line 0.1: 0.1.1 -> 0.1.2 (2 crates): versionLines.follow names example-bye');
    expect(changed).toContain('line 0.3 stays at 0.3.0 (demo-app): unchanged since v1.17.0');
  });
});

describe('release-patch on the 1.17 workspace: no [workspace.package] version, versionLines.release names the line', () => {
  it('patches release-1.17.0 to 1.17.1 with the examples to 0.1.2, helpers untouched, byte for byte', async () => {
    const { shape, ws } = shapeRepo('patch of a 1.17 workspace, helpers on their own line', 'at 1.17.0');
    ws.git(['branch', 'release-1.17.0']);
    const out = await ok(ws, ['release-patch', '--target=1.17.0', '--date=2026-12-01']);
    expect(out).toContain('1.17.0 -> 1.17.1');
    expect(out).toContain('line 0.4 stays at 0.4.1 (helper-macros, helper-shared)');
    // Every manifest and the lock file (git's output is trimmed: each of them ends in one newline).
    for (const [file, text] of Object.entries(shape.after))
      if (/Cargo\.(toml|lock)$/.test(file)) expect(`${ws.git(['show', `release-1.17.0:${file}`])}\n`, file).toBe(text);
  });
});
