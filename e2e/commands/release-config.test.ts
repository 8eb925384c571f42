/** `nx g nx-release-train:release-config` in-process on a copy of the example (Nx's FsTree). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseConfigGenerator } from '../../packages/nx-release-train/src/generators/release-config/generator';
import { makeWorkspace, exampleRoot, type TempWorkspace } from '../support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

describe('release-config generator (in-process)', () => {
  it('writes one fixed group per version line with the publishable crates; a second run changes nothing', async () => {
    ws = makeWorkspace({ from: exampleRoot, options: { tagPattern: 'v{version}' } });
    const tree = new FsTree(ws.dir, false);
    await releaseConfigGenerator(tree);
    expect(tree.listChanges().map((c) => c.path)).toEqual(['nx.json']);
    const release = JSON.parse(tree.read('nx.json', 'utf-8')!).release;
    expect(release.groups.workspace.projects).toEqual(expect.arrayContaining(['wasmtime', 'wasmtime-cli', 'wasmtime-internal-core']));
    expect(release.groups.workspace.projects).not.toContain('wasmtime-test-util'); // publish = false
    expect(release.groups.cranelift).toMatchObject({ projectsRelationship: 'fixed', releaseTag: { pattern: 'cranelift-v{version}' } });
    expect(release.groups.cranelift.projects).not.toContain('cranelift-tools'); // publish = false, its own version
    flushChanges(ws.dir, tree.listChanges());

    const again = new FsTree(ws.dir, false);
    await releaseConfigGenerator(again);
    expect(again.listChanges()).toEqual([]);
  });

  it('refuses a workspace where the plugin is not registered, naming the fix', async () => {
    ws = makeWorkspace({ from: exampleRoot });
    writeFileSync(join(ws.dir, 'nx.json'), '{ "plugins": [] }\n');
    await expect(releaseConfigGenerator(new FsTree(ws.dir, false))).rejects.toMatchObject({
      message: 'nx-release-train is not registered in nx.json',
      fix: 'run nx g nx-release-train:init first',
    });
  });
});
