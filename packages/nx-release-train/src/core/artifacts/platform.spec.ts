import { describe, expect, it } from 'vitest';
import { hostTripleFromRustc, outputFiles, platformName } from './platform';

describe('platformName', () => {
  // The names on Wasmtime's GitHub releases (ci/build-build-matrix.js).
  it.each([
    ['x86_64-unknown-linux-gnu', 'x86_64-linux'],
    ['aarch64-unknown-linux-gnu', 'aarch64-linux'],
    ['s390x-unknown-linux-gnu', 's390x-linux'],
    ['riscv64gc-unknown-linux-gnu', 'riscv64gc-linux'],
    ['armv7-unknown-linux-gnueabihf', 'armv7-linux'],
    ['x86_64-apple-darwin', 'x86_64-macos'],
    ['aarch64-apple-darwin', 'aarch64-macos'],
    ['x86_64-pc-windows-msvc', 'x86_64-windows'],
    ['aarch64-pc-windows-msvc', 'aarch64-windows'],
    ['x86_64-pc-windows-gnu', 'x86_64-mingw'],
    ['aarch64-linux-android', 'aarch64-android'],
    ['x86_64-unknown-linux-musl', 'x86_64-musl'],
    ['x86_64-unknown-freebsd', 'x86_64-freebsd'],
    ['wasm32-wasip1', 'wasm32-wasip1'],
  ])('%s -> %s', (triple, name) => {
    expect(platformName(triple)).toBe(name);
  });

  it('lets the artifacts.platforms option rename a target', () => {
    expect(platformName('x86_64-unknown-linux-gnu', { 'x86_64-unknown-linux-gnu': 'linux64' })).toBe('linux64');
    expect(platformName('aarch64-apple-darwin', { 'x86_64-unknown-linux-gnu': 'linux64' })).toBe('aarch64-macos');
  });
});

describe('outputFiles', () => {
  it('names binaries, static and shared libraries per target', () => {
    expect(outputFiles('x86_64-unknown-linux-gnu', 'bin', 'wasmtime')).toEqual(['wasmtime']);
    expect(outputFiles('x86_64-pc-windows-msvc', 'bin', 'wasmtime')).toEqual(['wasmtime.exe']);
    expect(outputFiles('x86_64-unknown-linux-gnu', 'staticlib', 'my_lib')).toEqual(['libmy_lib.a']);
    expect(outputFiles('x86_64-unknown-linux-gnu', 'cdylib', 'my_lib')).toEqual(['libmy_lib.so']);
    expect(outputFiles('aarch64-apple-darwin', 'cdylib', 'w')).toEqual(['libw.dylib']);
    expect(outputFiles('x86_64-pc-windows-msvc', 'staticlib', 'w')).toEqual(['w.lib']);
    expect(outputFiles('x86_64-pc-windows-msvc', 'cdylib', 'w')).toEqual(['w.dll', 'w.dll.lib']);
    expect(outputFiles('x86_64-pc-windows-gnu', 'staticlib', 'w')).toEqual(['libw.a']);
    expect(outputFiles('x86_64-pc-windows-gnu', 'cdylib', 'w')).toEqual(['w.dll', 'libw.dll.a']);
  });

  it('has no shared library on musl, which links statically', () => {
    expect(outputFiles('x86_64-unknown-linux-musl', 'cdylib', 'w')).toEqual([]);
    expect(outputFiles('x86_64-unknown-linux-musl', 'staticlib', 'w')).toEqual(['libw.a']);
  });
});

describe('hostTripleFromRustc', () => {
  it('reads the host line of rustc -vV', () => {
    const out = 'rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\nhost: aarch64-apple-darwin\nrelease: 1.95.0\n';
    expect(hostTripleFromRustc(out)).toBe('aarch64-apple-darwin');
    expect(hostTripleFromRustc('rustc 1.95.0\n')).toBeNull();
  });
});
