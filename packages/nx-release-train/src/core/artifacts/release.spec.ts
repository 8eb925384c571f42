import { describe, expect, it } from 'vitest';
import { pickRelease, releaseChange, type ExistingRelease } from './release';

const spec = { tag: 'v1.0.0', name: 'v1.0.0', body: '## 1.0.0\n\nReleased.', prerelease: false };
const existing: ExistingRelease = { id: 1, tag: 'v1.0.0', name: 'v1.0.0', body: '## 1.0.0\n\nReleased.', prerelease: false, draft: false };

describe('releaseChange', () => {
  it('creates a missing release', () => {
    expect(releaseChange(null, spec)).toEqual({ action: 'create' });
  });

  it('keeps an identical one, also when GitHub returns CRLF, draft or not', () => {
    expect(releaseChange(existing, spec)).toEqual({ action: 'keep' });
    expect(releaseChange({ ...existing, draft: true }, spec)).toEqual({ action: 'keep' });
    expect(releaseChange({ ...existing, body: '## 1.0.0\r\n\r\nReleased.\r\n' }, spec)).toEqual({ action: 'keep' });
  });

  it('names exactly the fields that differ', () => {
    expect(releaseChange({ ...existing, body: 'old', prerelease: true }, spec)).toEqual({ action: 'update', fields: ['body', 'prerelease'] });
    expect(releaseChange({ ...existing, name: null }, spec)).toEqual({ action: 'update', fields: ['name'] });
  });
});

describe('pickRelease', () => {
  const r = (id: number, draft: boolean, tag = 'v1.0.0') => ({ ...existing, id, draft, tag });
  it('the published release of the tag, else its oldest draft; other tags ignored', () => {
    expect(pickRelease([r(5, true), r(3, false), r(1, true, 'v0.9.0')], 'v1.0.0')).toEqual({ release: r(3, false), others: [r(5, true)] });
    expect(pickRelease([r(7, true), r(4, true)], 'v1.0.0')).toEqual({ release: r(4, true), others: [r(7, true)] });
    expect(pickRelease([r(1, false, 'v0.9.0')], 'v1.0.0')).toEqual({ release: null, others: [] });
  });
});
