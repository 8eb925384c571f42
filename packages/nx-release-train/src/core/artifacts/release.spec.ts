import { describe, expect, it } from 'vitest';
import { releaseChange, type ExistingRelease } from './release';

const spec = { tag: 'v1.0.0', name: 'v1.0.0', body: '## 1.0.0\n\nReleased.', prerelease: false };
const existing: ExistingRelease = { id: 1, name: 'v1.0.0', body: '## 1.0.0\n\nReleased.', prerelease: false, draft: false };

describe('releaseChange', () => {
  it('creates a missing release', () => {
    expect(releaseChange(null, spec)).toEqual({ action: 'create' });
  });

  it('keeps an identical one, also when GitHub returns CRLF', () => {
    expect(releaseChange(existing, spec)).toEqual({ action: 'keep' });
    expect(releaseChange({ ...existing, body: '## 1.0.0\r\n\r\nReleased.\r\n' }, spec)).toEqual({ action: 'keep' });
  });

  it('updates exactly the fields that differ, and publishes a draft', () => {
    expect(releaseChange({ ...existing, body: 'old', prerelease: true }, spec)).toEqual({ action: 'update', fields: ['body', 'prerelease'] });
    expect(releaseChange({ ...existing, name: null, draft: true }, spec)).toEqual({ action: 'update', fields: ['name', 'draft'] });
  });
});
