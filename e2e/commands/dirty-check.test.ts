/**
 * The cut's dirty check against real git: Nx's own cache and workspace data (written by Nx
 * while `nx release-major` runs) are not the user's uncommitted changes, even in a workspace
 * whose .gitignore does not list them; a real edit still stops the cut, naming the file and
 * the flag Nx accepts on the command line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseMajorCommand } from '../../packages/nx-release-train/src/commands/release-major';
import { releaseMajorFlags } from '../../packages/nx-release-train/src/core/flags/release-major';
import { runCommand } from '../support/command';
import { repoState } from '../support/state';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

/** The example, committed with a .gitignore that lacks `.nx`. */
function workspaceWithoutNxIgnore(): TempWorkspace {
  const made = makeWorkspace({ from: exampleRoot });
  writeFileSync(join(made.dir, '.gitignore'), 'node_modules\ntarget\n');
  made.git(['init', '-q', '-b', 'main']);
  made.git(['add', '-A']);
  made.git(['commit', '-q', '-m', 'initial']);
  return made;
}

function write(path: string, text = 'x\n'): void {
  mkdirSync(join(ws!.dir, path, '..'), { recursive: true });
  writeFileSync(join(ws!.dir, path), text);
}

const cut = (flags: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
  runCommand(releaseMajorCommand, releaseMajorFlags, { root: ws!.dir, flags, env });

describe('release-major dirty check', () => {
  it("ignores Nx's cache and workspace data (default and moved by variables); a real edit still refuses", async () => {
    ws = workspaceWithoutNxIgnore();
    write('.nx/workspace-data/x');
    write('.nx/cache/run.json');
    write('nx-data/project-graph.json');
    write('tmp/nx-cache/y');
    const env = { NX_WORKSPACE_DATA_DIRECTORY: 'nx-data', NX_CACHE_DIRECTORY: join(ws.dir, 'tmp/nx-cache') };
    // git sees them as untracked changes...
    expect(ws.git(['status', '--porcelain', '--untracked-files=all'])).toContain('.nx/workspace-data/x');

    const before = repoState(ws);
    const dry = await cut({ dryRun: true }, env);
    expect(dry.ok, dry.out).toBe(true);
    expect(dry.out).toContain('[dry run] cut release-5.0.0');
    expect(repoState(ws)).toEqual(before);

    // ...but only a file the user made counts, and the fix names the spelling Nx accepts.
    write('notes.txt');
    const dirty = repoState(ws);
    const refused = await cut({}, env);
    expect(refused.ok).toBe(false);
    expect(refused.out).toContain('the working tree has uncommitted changes: notes.txt');
    expect(refused.out).not.toContain('.nx/');
    expect(refused.out).not.toContain('nx-data');
    expect(refused.out).toContain('--allow-dirty');
    expect(repoState(ws)).toEqual(dirty);

    ws.git(['add', 'notes.txt']);
    ws.git(['commit', '-q', '-m', 'notes']);
    const done = await cut({}, env);
    expect(done.ok, done.out).toBe(true);
    expect(done.result?.releaseBranch).toBe('release-5.0.0');
    // Nx's files stay where they were, out of the bump commit.
    expect(ws.git(['show', '--name-only', '--format=', 'main'])).not.toMatch(/\.nx|nx-data|nx-cache/);
  });

  it('still counts what is committed under .nx (version plans, the Nx installation)', async () => {
    ws = workspaceWithoutNxIgnore();
    write('.nx/version-plans/plan.md', '---\nx: minor\n---\n');
    const r = await cut({ dryRun: true });
    expect(r.ok).toBe(false);
    expect(r.out).toContain('uncommitted changes: .nx/version-plans/plan.md');
  });
});
