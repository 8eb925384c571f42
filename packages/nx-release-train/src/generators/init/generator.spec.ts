import { readNxJson, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { initGenerator } from './generator';

describe('init generator (on an Nx tree)', () => {
  it('registers the plugin idempotently and keeps other plugins', async () => {
    const tree = createTreeWithEmptyWorkspace();
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: './other-plugin.js', include: [] }] });
    await initGenerator(tree, { preset: 'wasmtime' });
    const afterFirst = tree.read('nx.json', 'utf-8');
    const plugins = readNxJson(tree)!.plugins as Array<{ plugin: string; include?: string[]; options?: Record<string, unknown> }>;
    expect(plugins[0]).toEqual({ plugin: './other-plugin.js', include: [] });
    expect(plugins[1].plugin).toBe('nx-release-train');
    expect(plugins[1].options!.bumpTitle).toBe('Bump Wasmtime to {version}');
    await initGenerator(tree, { preset: 'wasmtime' });
    expect(tree.read('nx.json', 'utf-8')).toBe(afterFirst);
  });

  it('keeps settings already written over the preset, and refuses an unknown preset', async () => {
    const tree = createTreeWithEmptyWorkspace();
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options: { bumpTitle: 'Ours {version}' } }] });
    await initGenerator(tree, { preset: 'wasmtime' });
    const entry = (readNxJson(tree)!.plugins as Array<{ options: Record<string, unknown> }>)[0];
    expect(entry.options.bumpTitle).toBe('Ours {version}');
    expect(entry.options.releaseTitle).toBe('Release Wasmtime {version}');
    await expect(initGenerator(tree, { preset: 'wasmtme' } as never)).rejects.toThrow('unknown preset "wasmtme"');
  });

  it("--jsTooling turns off Nx's JS analysis and keeps nested package.json files out, once, keeping what is written", async () => {
    const tree = createTreeWithEmptyWorkspace();
    updateNxJson(tree, { ...readNxJson(tree), pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } } });
    tree.write('.nxignore', 'docs/build');
    await initGenerator(tree, { jsTooling: true });
    expect(readNxJson(tree)!.pluginsConfig!['@nx/js']).toEqual({ analyzeLockfile: false, analyzePackageJson: false, analyzeSourceFiles: true });
    expect(tree.read('.nxignore', 'utf-8')).toBe('docs/build\n*/**/package.json\n');
    const [nx, ignore] = [tree.read('nx.json', 'utf-8'), tree.read('.nxignore', 'utf-8')];
    await initGenerator(tree, { jsTooling: true });
    expect([tree.read('nx.json', 'utf-8'), tree.read('.nxignore', 'utf-8')]).toEqual([nx, ignore]);
  });
});
