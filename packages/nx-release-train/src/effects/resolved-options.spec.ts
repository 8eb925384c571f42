import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { resolveOptions } from '../core/settings/options';
import { wasmtimePreset } from '../presets/wasmtime';

const root = mkdtempSync(join(tmpdir(), 'nrt-options-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The module as a new process sees it: nothing in memory, only what is on disk. */
async function freshModule() {
  vi.resetModules();
  return import('./resolved-options.js');
}

describe('options resolved for the graph', () => {
  it('reads back from disk exactly what checking the options gives, problems included', async () => {
    for (const raw of [undefined, wasmtimePreset, { devSuffix: 'dev', nosuch: 1, versionLines: { fixed: 3 } }]) {
      const expected = resolveOptions(raw);
      await (await freshModule()).resolvedOptions(root, raw);
      const fromDisk = await (await freshModule()).resolvedOptions(root, raw);
      expect(JSON.parse(JSON.stringify(fromDisk))).toStrictEqual(JSON.parse(JSON.stringify(expected)));
      expect(fromDisk).toEqual(expected);
      expect(existsSync(join(root, '.nx/workspace-data/nx-release-train.options.json'))).toBe(true);
    }
  });

  it('checks different options anew', async () => {
    const { resolvedOptions } = await freshModule();
    const a = await resolvedOptions(root, { devSuffix: 'dev' });
    const b = await resolvedOptions(root, { devSuffix: 'pre' });
    expect([a.options.devSuffix, b.options.devSuffix]).toEqual(['dev', 'pre']);
    expect((await resolvedOptions(root, { nosuch: 1 })).problems).toEqual([expect.objectContaining({ setting: 'nosuch' })]);
  });
});
