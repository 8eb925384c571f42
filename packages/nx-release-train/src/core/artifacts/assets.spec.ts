import { describe, expect, it } from 'vitest';
import { assetsToHash, checksumLine, diffAssets, sha256FromDigest, type LocalAsset, type RemoteAsset } from './assets';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const local: LocalAsset[] = [
  { name: 'x.tar.xz', sha256: A, size: 10 },
  { name: 'x.tar.xz.sha256', sha256: B, size: 80 },
];
const remote = (over: Partial<RemoteAsset>): RemoteAsset => ({ id: 1, name: 'x.tar.xz', size: 10, state: 'uploaded', sha256: A, ...over });

describe('diffAssets', () => {
  it('uploads what is missing and keeps what is identical', () => {
    const actions = diffAssets(local, [remote({})]);
    expect(actions.map((a) => [a.action, a.local.name])).toEqual([
      ['keep', 'x.tar.xz'],
      ['upload', 'x.tar.xz.sha256'],
    ]);
  });

  it('replaces a different checksum, a different size, an unfinished upload, an unknown checksum', () => {
    for (const [over, reason] of [
      [{ sha256: B }, /sha256/],
      [{ size: 11, sha256: B }, /size 11/],
      [{ state: 'open' }, /unfinished/],
      [{ sha256: null }, /no checksum/],
    ] as const) {
      const [first] = diffAssets(local, [remote(over)]);
      expect(first.action).toBe('replace');
      if (first.action === 'replace') {
        expect(first.reason).toMatch(reason);
        expect(first.remote.id).toBe(1);
      }
    }
  });

  it('never touches assets this run does not produce (other platforms)', () => {
    const other = remote({ id: 9, name: 'x-aarch64.tar.xz' });
    const actions = diffAssets(local, [remote({}), other]);
    expect(actions.some((a) => a.action !== 'upload' && a.remote.id === 9)).toBe(false);
    expect(actions).toHaveLength(2);
  });
});

describe('assetsToHash', () => {
  it('downloads only same-size assets without a digest', () => {
    const r = [remote({ sha256: null }), remote({ id: 2, name: 'x.tar.xz.sha256', size: 81, sha256: null }), remote({ id: 3, name: 'other', sha256: null })];
    expect(assetsToHash(local, r).map((a) => a.id)).toEqual([1]);
  });
});

describe('checksum helpers', () => {
  it('reads GitHub digests and writes sha256sum lines', () => {
    expect(sha256FromDigest(`sha256:${A.toUpperCase()}`)).toBe(A);
    expect(sha256FromDigest('sha512:abc')).toBeNull();
    expect(sha256FromDigest(null)).toBeNull();
    expect(checksumLine(A, 'x.tar.xz')).toBe(`${A}  x.tar.xz\n`);
  });
});
