/**
 * `nx release` on a Cargo workspace through the plugin's version actions (issue 25), with the
 * real nx CLI on a copy of examples/mini-wasmtime: what Nx itself does with them (its release
 * groups, its tree, its formatting pass, its commit and tag) must leave exactly the bytes the
 * train's cut writes. The arithmetic and the edits are proven in core/version/nx-*.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseMajorCommand } from '../packages/nx-release-train/src/commands/release-major';
import { releaseMajorFlags } from '../packages/nx-release-train/src/core/flags/release-major';
import { releaseConfigGenerator } from '../packages/nx-release-train/src/generators/release-config/generator';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { runCommand } from './support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from './support/workspace';

const workspaces: TempWorkspace[] = [];
afterEach(() => {
  for (const ws of workspaces.splice(0)) ws.cleanup();
});

function workspace(): TempWorkspace {
  const ws = makeWorkspace({ from: exampleRoot, git: true, options: wasmtimePreset });
  workspaces.push(ws);
  return ws;
}

const output = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('nx release with nx-release-train/version-actions', () => {
  it('nx release 6.0.0 --skip-publish writes what the cut writes, commits and tags; keywords off the train are refused', async () => {
    // The reference: the train's cut, in-process, on its own copy.
    const cut = workspace();
    const ran = await runCommand(releaseMajorCommand, releaseMajorFlags, { root: cut.dir, flags: { date: '2026-12-05' } });
    expect(ran.ok, ran.out).toBe(true);
    const bump = cut.git(['log', '--all', '--format=%H', '--grep=^Bump Wasmtime to 6.0.0']);
    expect(bump).toMatch(/^[0-9a-f]{40}$/);

    // nx release as Nx's documentation describes it, configured by the generator.
    const ws = workspace();
    const tree = new FsTree(ws.dir, false);
    await releaseConfigGenerator(tree);
    flushChanges(ws.dir, tree.listChanges());
    const release = JSON.parse(readFileSync(join(ws.dir, 'nx.json'), 'utf8')).release;
    expect(release.version.versionActions).toBe('nx-release-train/version-actions');
    expect(Object.keys(release.groups)).toEqual(['workspace', 'cranelift']);
    ws.git(['commit', '-q', '-am', 'nx release configuration']);

    const minor = ws.nx(['release', 'version', 'minor', '--dry-run']);
    expect(minor.status, output(minor)).not.toBe(0);
    expect(output(minor)).toContain('"minor" on 5.0.0 (released): the release train has no minor releases');
    expect(output(minor)).toContain('nx release-major');

    const run = ws.nx(['release', '6.0.0', '--skip-publish']);
    expect(run.status, output(run)).toBe(0);
    expect(output(run)).toContain('explicit version "6.0.0": 0.92.0 -> 0.93.0');

    // Every file the cut changed on main, byte for byte, and nothing else; RELEASES.md is the
    // train's own (nx release leaves the notes alone).
    const changed = ws.git(['diff', '--name-only', 'HEAD~1', 'HEAD']).split('\n');
    const byCut = cut.git(['diff', '--name-only', `${bump}~1`, bump]).split('\n').filter((f) => f !== 'RELEASES.md');
    expect(changed).toEqual(byCut);
    expect(changed).toEqual(expect.arrayContaining(['Cargo.lock', 'Cargo.toml', 'crates/c-api/include/wasmtime.h', 'cranelift/codegen/Cargo.toml']));
    for (const file of changed) expect(ws.git(['show', `HEAD:${file}`]), file).toBe(cut.git(['show', `${bump}:${file}`]));
    // Comments and layout: the bytes above; said once more where a formatter would differ.
    expect(ws.git(['show', 'HEAD:Cargo.toml'])).toContain("# Internal crates: required exactly; some are published under another name.\nwasmtime-cli-flags = { path = \"crates/cli-flags\", version = \"=6.0.0\" }");
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(ws.git(['tag', '--list']).split('\n')).toEqual(['cranelift-v0.93.0', 'v6.0.0']);
  }, 120_000);
});
