import { describe, expect, it } from 'vitest';
import type { ArtifactsPlan } from './plan';
import { dryRunLines, assetLines } from './report';

const plan: ArtifactsPlan = {
  version: '5.0.0-rc.1',
  tag: 'v5.0.0-rc.1',
  builds: [{ triple: 't', crate: 'cli', args: ['build', '--release', '-p', 'cli'] }],
  archives: [
    {
      name: 'x-v5-p',
      file: 'x-v5-p.tar.xz',
      format: 'tar.xz',
      triple: 't',
      platform: 'p',
      sources: [
        { kind: 'output', path: 't/release/x', to: '.' },
        { kind: 'path', path: 'inc', to: 'include' },
      ],
    },
  ],
  diagnostics: [],
};

describe('dryRunLines', () => {
  it('lists builds with their environment and files with their sources; GitHub is left to release-assets', () => {
    const lines = dryRunLines({ plan, outputDir: 'dist', targetDir: 'target', buildEnv: { A: '1' } });
    expect(lines).toContain('  A=1 cargo build --release -p cli');
    expect(lines).toContain('  dist/x-v5-p.tar.xz  (and x-v5-p.tar.xz.sha256)');
    expect(lines).toContain('    x-v5-p/  <-  target/t/release/x');
    expect(lines).toContain('    x-v5-p/include/  <-  inc');
    expect(lines.at(-1)).toMatch(/^Would not touch GitHub: `nx release-assets`, the last job, publishes the release/);
  });
});

describe('assetLines', () => {
  it('reports each asset action, as done or as it would be done', () => {
    const local = { name: 'a', sha256: 'x', size: 1 };
    const remote = { id: 1, name: 'a', size: 1, state: 'uploaded', sha256: 'x' };
    const actions = [
      { action: 'keep', local, remote },
      { action: 'upload', local: { ...local, name: 'b' } },
      { action: 'retry', local: { ...local, name: 'c' }, remote: { ...remote, state: 'starter' } },
    ] as const;
    expect(assetLines([...actions], false)).toEqual([
      '  kept      a (identical)',
      '  uploaded  b',
      "  uploaded again  c (an unfinished upload, state 'starter')",
    ]);
    expect(assetLines([...actions], true).slice(1)).toEqual(['  would upload  b', "  would upload again  c (an unfinished upload, state 'starter')"]);
  });
});
