/**
 * Version requirements and targets as cargo prints them in an upload's metadata. The forms
 * marked "cargo 1.95" were captured from real `cargo publish` uploads to the local registry
 * (e2e/commands/publish-upload.test.ts compares whole uploads).
 */
import { describe, expect, it } from 'vitest';
import { CargoSyntaxError, platformDisplay, versionReqDisplay } from './cargo-syntax';

describe('versionReqDisplay', () => {
  it.each([
    ['5.0.0', '^5.0.0'], // cargo 1.95
    ['=5.0.0', '=5.0.0'], // cargo 1.95
    ['>= 5.0.0, < 6', '>=5.0.0, <6'], // cargo 1.95
    ['~0.92', '~0.92'], // cargo 1.95
    ['0.92.0', '^0.92.0'], // cargo 1.95
    ['^1', '^1'],
    ['1.2.3-rc.1', '^1.2.3-rc.1'],
    ['1.2.3+build.5', '^1.2.3'],
    ['*', '*'],
    ['1.*', '1.*'],
    ['1.2.x', '1.2.*'],
    [' > 1.2 ,<= 2.0.0 ', '>1.2, <=2.0.0'],
  ])('%s -> %s', (req, shown) => expect(versionReqDisplay(req)).toBe(shown));

  it.each(['', '>=', '1.2.3.4', 'v1.2', '01.2', '>=1.*', '*, 1', 'a.b'])('refuses %j', (req) => {
    expect(() => versionReqDisplay(req)).toThrow(CargoSyntaxError);
  });
});

describe('platformDisplay', () => {
  it.each([
    ['x86_64-unknown-linux-gnu', 'x86_64-unknown-linux-gnu'], // cargo 1.95
    ['cfg(any(unix,target_os="wasi"))', 'cfg(any(unix, target_os = "wasi"))'], // cargo 1.95
    ['cfg(unix)', 'cfg(unix)'],
    ['cfg( not( windows ) )', 'cfg(not(windows))'],
    ['cfg(all(target_arch = "x86_64", any(unix, windows,)))', 'cfg(all(target_arch = "x86_64", any(unix, windows)))'],
  ])('%s -> %s', (target, shown) => expect(platformDisplay(target)).toBe(shown));

  it.each(['cfg(unix', 'cfg(not(unix, windows))', 'cfg(a = "b)', 'cfg(unix windows)', 'cfg(= "x")'])('refuses %j', (target) => {
    expect(() => platformDisplay(target)).toThrow(CargoSyntaxError);
  });
});
