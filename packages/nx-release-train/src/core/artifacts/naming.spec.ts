import { describe, expect, it } from 'vitest';
import { archiveFileName, fillArtifactPattern, isPrerelease, isSafeFileName, versionsFromTags } from './naming';

describe('naming', () => {
  it('fills archive patterns the way Wasmtime names its archives', () => {
    const values = { version: '45.0.0', tag: 'v45.0.0', platform: 'x86_64-linux' };
    expect(fillArtifactPattern('wasmtime-{tag}-{platform}', values)).toBe('wasmtime-v45.0.0-x86_64-linux');
    expect(fillArtifactPattern('wasmtime-{tag}-{platform}-c-api', values)).toBe('wasmtime-v45.0.0-x86_64-linux-c-api');
    expect(fillArtifactPattern('x-{major}.{minor}-{version}', values)).toBe('x-45.0-45.0.0');
  });

  it('leaves {platform} for patterns filled without a platform', () => {
    expect(fillArtifactPattern('{tag} {platform}', { version: '1.0.0', tag: 'v1.0.0' })).toBe('v1.0.0 {platform}');
  });

  it('marks versions with a - suffix as pre-releases', () => {
    expect(isPrerelease('46.0.0-rc.1')).toBe(true);
    expect(isPrerelease('46.0.0')).toBe(false);
    expect(isPrerelease('46.0.0+build-5')).toBe(false);
  });

  it('reads versions from the tags at HEAD under the tag pattern', () => {
    expect(versionsFromTags(['v5.0.1', 'latest', 'v5', 'vx.y.z', 'release-5.0.1'], 'v{version}')).toEqual(['5.0.1']);
    expect(versionsFromTags(['wasmtime@1.2.3-rc.1'], 'wasmtime@{version}')).toEqual(['1.2.3-rc.1']);
    expect(versionsFromTags(['v1.0.0'], 'no-placeholder')).toEqual([]);
  });

  it('accepts only plain file names', () => {
    expect(isSafeFileName('wasmtime-v1.0.0-x86_64-linux')).toBe(true);
    expect(isSafeFileName('a/b')).toBe(false);
    expect(isSafeFileName('..')).toBe(false);
    expect(isSafeFileName('.hidden')).toBe(false);
    expect(isSafeFileName('a b')).toBe(false);
  });

  it('zips Windows archives (MSVC and MinGW) and packs the rest as .tar.xz', () => {
    expect(archiveFileName('w-x86_64-windows', 'x86_64-pc-windows-msvc')).toBe('w-x86_64-windows.zip');
    expect(archiveFileName('w-x86_64-mingw', 'x86_64-pc-windows-gnu')).toBe('w-x86_64-mingw.zip');
    expect(archiveFileName('w-aarch64-windows', 'aarch64-pc-windows-msvc')).toBe('w-aarch64-windows.zip');
    expect(archiveFileName('w-x86_64-linux', 'x86_64-unknown-linux-gnu')).toBe('w-x86_64-linux.tar.xz');
    expect(archiveFileName('w-aarch64-macos', 'aarch64-apple-darwin')).toBe('w-aarch64-macos.tar.xz');
    expect(archiveFileName('w-aarch64-android', 'aarch64-linux-android')).toBe('w-aarch64-android.tar.xz');
  });
});
