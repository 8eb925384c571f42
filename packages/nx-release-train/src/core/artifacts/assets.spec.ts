import { describe, expect, it } from 'vitest';
import { assetsToHash, checksumLine, compareAssets, differenceLine, sha256FromDigest, type LocalAsset, type RemoteAsset } from './assets';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const local: LocalAsset[] = [
  { name: 'x.tar.xz', sha256: A, size: 10 },
  { name: 'x.tar.xz.sha256', sha256: B, size: 80 },
];
const remote = (over: Partial<RemoteAsset>): RemoteAsset => ({ id: 1, name: 'x.tar.xz', size: 10, state: 'uploaded', sha256: A, ...over });

describe('compareAssets', () => {
  it('uploads what is missing and keeps what is identical', () => {
    const actions = compareAssets(local, [remote({})]);
    expect(actions.map((a) => [a.action, a.local.name])).toEqual([
      ['keep', 'x.tar.xz'],
      ['upload', 'x.tar.xz.sha256'],
    ]);
  });

  it('never replaces: other bytes or another size differ, an unfinished upload is done again', () => {
    expect(compareAssets(local, [remote({ sha256: B })])[0].action).toBe('differs');
    expect(compareAssets(local, [remote({ size: 11 })])[0].action).toBe('differs');
    expect(compareAssets(local, [remote({ sha256: null })])[0].action).toBe('differs');
    expect(compareAssets(local, [remote({ state: 'starter' })])[0].action).toBe('retry');
  });

  it('never touches assets this run does not produce (other files of the release)', () => {
    const other = remote({ id: 9, name: 'x-aarch64.tar.xz' });
    const actions = compareAssets(local, [remote({}), other]);
    expect(actions.some((a) => a.action !== 'upload' && a.remote.id === 9)).toBe(false);
    expect(actions).toHaveLength(2);
  });

  it('names both digests of an asset that differs', () => {
    expect(differenceLine({ local: local[0], remote: remote({ sha256: B, size: 12 }) })).toBe(
      `x.tar.xz: the release has sha256:${B} (12 bytes), the local file is sha256:${A} (10 bytes)`,
    );
    expect(differenceLine({ local: local[0], remote: remote({ sha256: null }) })).toContain('the release has an unknown digest (10 bytes)');
  });
});

describe('assetsToHash', () => {
  it('downloads only finished assets this run compares that have no digest', () => {
    const r = [
      remote({ sha256: null }),
      remote({ id: 2, name: 'x.tar.xz.sha256', size: 81, sha256: null }),
      remote({ id: 3, name: 'other', sha256: null }),
      remote({ id: 4, name: 'x.tar.xz.sha256', state: 'starter', sha256: null }),
      remote({ id: 5 }),
    ];
    expect(assetsToHash(local, r).map((a) => a.id)).toEqual([1, 2]);
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
