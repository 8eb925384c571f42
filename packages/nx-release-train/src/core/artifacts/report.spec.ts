import { describe, expect, it } from 'vitest';
import type { ArtifactsPlan } from './plan';
import { dryRunLines, releaseLines } from './report';

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
const release = { tag: 'v5.0.0-rc.1', name: 'v5.0.0-rc.1', body: Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n'), prerelease: true };

describe('dryRunLines', () => {
  it('lists builds with their environment, files with their sources, the release and its uploads', () => {
    const lines = dryRunLines({ plan, outputDir: 'dist', targetDir: 'target', buildEnv: { A: '1' }, release, repository: 'o/r', notesFile: 'RELEASES.md' });
    expect(lines).toContain('  A=1 cargo build --release -p cli');
    expect(lines).toContain('  dist/x-v5-p.tar.xz  (and x-v5-p.tar.xz.sha256)');
    expect(lines).toContain('    x-v5-p/  <-  target/t/release/x');
    expect(lines).toContain('    x-v5-p/include/  <-  inc');
    expect(lines).toContain("Would create or update the GitHub pre-release v5.0.0-rc.1 ('v5.0.0-rc.1') in o/r, notes from RELEASES.md:");
    expect(lines).toContain('  | line 7');
    expect(lines).not.toContain('  | line 8');
    expect(lines).toContain('  | … (2 more lines)');
    expect(lines.slice(-2)).toEqual(['  x-v5-p.tar.xz', '  x-v5-p.tar.xz.sha256']);
  });

  it('says GitHub is left alone when the release step is skipped', () => {
    const lines = dryRunLines({ plan, outputDir: 'dist', targetDir: 'target', buildEnv: {}, release, repository: null, notesFile: 'RELEASES.md' });
    expect(lines.at(-1)).toBe('Would not touch GitHub (release step skipped).');
  });
});

describe('releaseLines', () => {
  it('reports each asset action', () => {
    const local = { name: 'a', sha256: 'x', size: 1 };
    const remote = { id: 1, name: 'a', size: 1, state: 'uploaded', sha256: 'y' };
    const lines = releaseLines({ action: 'update', fields: ['body'] }, { ...release, prerelease: false }, 'http://h/r', [
      { action: 'keep', local, remote },
      { action: 'upload', local: { ...local, name: 'b' } },
      { action: 'replace', local: { ...local, name: 'c' }, remote, reason: 'size 2 differs from 1' },
    ]);
    expect(lines).toEqual([
      'GitHub release v5.0.0-rc.1: updated (body)  http://h/r',
      '  kept      a (identical)',
      '  uploaded  b',
      '  replaced  c (size 2 differs from 1)',
    ]);
  });
});
