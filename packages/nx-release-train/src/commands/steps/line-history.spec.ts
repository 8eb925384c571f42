import { describe, expect, it } from 'vitest';
import { releaseTags } from './line-history';

describe('releaseTags: the release tags among tag names, newest version first', () => {
  it('reads {version} back from the tag pattern, candidates included, other tags left out', () => {
    const names = ['v1.17.0', 'v1.18.0-rc.1', 'v1.9.0', 'cranelift-v0.93.0', 'v1.18.0', 'vnext', 'v1.17'];
    expect(releaseTags(names, 'v{version}')).toEqual([
      { tag: 'v1.18.0', version: '1.18.0' },
      { tag: 'v1.18.0-rc.1', version: '1.18.0-rc.1' },
      { tag: 'v1.17.0', version: '1.17.0' },
      { tag: 'v1.9.0', version: '1.9.0' },
    ]);
  });

  it('takes any text around the version literally, and no {version}: no release tags', () => {
    expect(releaseTags(['release/0.14.2', 'release/0x14.2', 'release/0.14.2.1'], 'release/{version}')).toEqual([{ tag: 'release/0.14.2', version: '0.14.2' }]);
    expect(releaseTags(['v1'], 'v{major}')).toEqual([]);
  });
});
