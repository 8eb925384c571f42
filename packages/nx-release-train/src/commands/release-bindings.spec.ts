import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../core/settings/options';
import { releaseBindings, type BindingsInput } from './release-bindings';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function input(bindings: unknown, over: Partial<BindingsInput> = {}): BindingsInput {
  const root = mkdtempSync(join(tmpdir(), 'nrt-bindings-run-'));
  dirs.push(root);
  writeFileSync(join(root, 'Cargo.toml'), '[workspace]\nmembers = []\n');
  const options = { ...DEFAULT_OPTIONS, bindings } as ReleaseTrainOptions;
  return { root, options, only: [], dryRun: false, env: {}, log: { info: () => {}, warn: () => {}, error: () => {} }, ...over };
}

const repos = [
  { name: 'py', url: 'https://github.com/o/py.git', rules: [] },
  { name: 'go', url: '/srv/go.git', rules: [] },
];

describe('release-bindings refuses before touching any repository', () => {
  it('names bad settings', async () => {
    await expect(releaseBindings(input({ ...DEFAULT_OPTIONS.bindings, repos: [{ name: 'py', rules: [] }] }))).rejects.toThrow('bindings.repos[0].url');
  });

  it('asks for repositories when none are configured', async () => {
    await expect(releaseBindings(input(DEFAULT_OPTIONS.bindings, { version: '1.0.0' }))).rejects.toThrow('no binding repositories are configured');
  });

  it('names unknown --only entries and the known names', async () => {
    const err = await releaseBindings(input({ ...DEFAULT_OPTIONS.bindings, repos }, { only: ['py', 'rs'], version: '1.0.0' })).catch((e) => e);
    expect(err.message).toBe('--only names unknown binding repositories: rs');
    expect(err.fix).toBe('use names from bindings.repos: py, go');
  });

  it('needs a version: --version, or the workspace version', async () => {
    const err = await releaseBindings(input({ ...DEFAULT_OPTIONS.bindings, repos })).catch((e) => e);
    expect(err.message).toBe('Cargo.toml has no [workspace.package] version to follow');
    await expect(releaseBindings(input({ ...DEFAULT_OPTIONS.bindings, repos }, { version: 'v1' }))).rejects.toThrow('--version=v1 is not a version X.Y.Z');
  });

  it('needs GITHUB_TOKEN for a real run that opens pull requests, but not for repos without GitHub', async () => {
    await expect(releaseBindings(input({ ...DEFAULT_OPTIONS.bindings, repos }, { version: '1.0.0' }))).rejects.toThrow('GITHUB_TOKEN is not set');
  });
});
