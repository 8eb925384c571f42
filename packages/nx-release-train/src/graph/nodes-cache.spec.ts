import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createNodesFromFiles } from './nodes';

const root = mkdtempSync(join(tmpdir(), 'nrt-nodes-cache-'));
const data = mkdtempSync(join(tmpdir(), 'nrt-nodes-data-'));
vi.stubEnv('NX_WORKSPACE_DATA_DIRECTORY', data);
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});
const files: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["a", "b"]\n',
  'a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\n',
  'b/Cargo.toml': '[package]\nname = "b"\nversion = "1.0.0"\n',
};
for (const [rel, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}
const context = { workspaceRoot: root, nxJsonConfiguration: {} };
type Projects = Record<string, { tags?: string[]; targets?: unknown }>;
const nodes = async (options: unknown): Promise<Record<string, Projects>> =>
  Object.fromEntries((await createNodesFromFiles(Object.keys(files), options, context)).map(([f, r]) => [f, r.projects as Projects]));

describe('createNodes asked again', () => {
  it('follows a settings change with the same tree', async () => {
    expect((await nodes({}))['a/Cargo.toml'].a.tags).toEqual(['cargo', 'publishable', 'version-line:1']);
    expect((await nodes({ versionLines: { groups: { tools: ['a'] } } }))['a/Cargo.toml'].a.tags).toEqual(['cargo', 'publishable', 'version-line:tools']);
    expect((await nodes({}))['a/Cargo.toml'].a.tags).toEqual(['cargo', 'publishable', 'version-line:1']);
  });

  it('hands Nx new objects every time (Nx may change what it is given)', async () => {
    const first = await nodes({});
    const second = await nodes({});
    expect(second).toEqual(first);
    expect(second['a/Cargo.toml'].a).not.toBe(first['a/Cargo.toml'].a);
    expect(second['a/Cargo.toml'].a.targets).not.toBe(first['a/Cargo.toml'].a.targets);
  });
});
