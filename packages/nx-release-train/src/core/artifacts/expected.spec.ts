import { describe, expect, it } from 'vitest';
import { checkAssets, expectedArchives } from './expected';

const archives = [
  { name: 'wasmtime-{tag}-{platform}', entries: [] },
  { name: 'wasmtime-{tag}-{platform}-c-api', entries: [] },
];

describe('expectedArchives', () => {
  it('names every archive of every platform, with the platform names of the settings', () => {
    expect(
      expectedArchives(archives, ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'], { 'aarch64-apple-darwin': 'arm64-mac' }, '5.0.0', 'v5.0.0'),
    ).toEqual([
      'wasmtime-v5.0.0-x86_64-linux.tar.xz',
      'wasmtime-v5.0.0-x86_64-linux-c-api.tar.xz',
      'wasmtime-v5.0.0-arm64-mac.tar.xz',
      'wasmtime-v5.0.0-arm64-mac-c-api.tar.xz',
    ]);
  });
});

describe('checkAssets', () => {
  const sha = 'a'.repeat(64);
  it('passes when each archive has a checksum file naming its sha256', () => {
    const rows = checkAssets(
      ['x.tar.xz'],
      [
        { name: 'x.tar.xz', sha256: sha },
        { name: 'x.tar.xz.sha256', sha256: 'b'.repeat(64), text: `${sha}  x.tar.xz\n` },
      ],
    );
    expect(rows.map((r) => [r.name, r.ok])).toEqual([
      ['x.tar.xz', true],
      ['x.tar.xz.sha256', true],
    ]);
  });

  it('reports missing archives and checksum files, and a checksum that does not match', () => {
    const rows = checkAssets(
      ['x.tar.xz', 'y.tar.xz', 'z.tar.xz'],
      [
        { name: 'x.tar.xz', sha256: sha },
        { name: 'x.tar.xz.sha256', sha256: sha, text: `${'c'.repeat(64)}  x.tar.xz\n` },
        { name: 'y.tar.xz', sha256: sha },
      ],
    );
    expect(rows.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`)).toEqual([
      `x.tar.xz.sha256: says "${'c'.repeat(64)}  x.tar.xz", the archive's sha256 is ${sha}`,
      'y.tar.xz.sha256: missing',
      'z.tar.xz: missing',
      'z.tar.xz.sha256: missing',
    ]);
  });
});
