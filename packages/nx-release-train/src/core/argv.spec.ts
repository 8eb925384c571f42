import { describe, expect, it } from 'vitest';
import { patchTargetFromArgv, swallowedFlagEnv, UNDECLARED_FLAGS_ENV } from './argv';

const nx = ['/usr/bin/node', '/repo/node_modules/.bin/nx'];

describe('patchTargetFromArgv', () => {
  it('reads --target=V and --target V when release-patch is invoked', () => {
    expect(patchTargetFromArgv([...nx, 'release-patch', '--target=4.x'])).toBe('4.x');
    expect(patchTargetFromArgv([...nx, 'release-patch', '--target', 'supported', '--dry-run'])).toBe('supported');
    expect(patchTargetFromArgv([...nx, 'run', 'wasmtime-cli:release-patch', '--target=latest'])).toBe('latest');
  });

  it('ignores --target of other commands (nx run-many -t publish)', () => {
    expect(patchTargetFromArgv([...nx, 'run-many', '--target=publish'])).toBeUndefined();
    expect(patchTargetFromArgv([...nx, 'release-major', '--target=4.x'])).toBeUndefined();
  });

  it('returns nothing without a target, and stops at --', () => {
    expect(patchTargetFromArgv([...nx, 'release-patch'])).toBeUndefined();
    expect(patchTargetFromArgv([...nx, 'release-patch', '--', '--target=4.x'])).toBeUndefined();
  });
});

describe('swallowedFlagEnv', () => {
  it('hands on --version for release-bindings and release-artifacts, and clears the rest', () => {
    expect(swallowedFlagEnv([...nx, 'release-bindings', '--version=46.0.0'])).toEqual({
      NX_RELEASE_TRAIN_ARG_TARGET: undefined,
      NX_RELEASE_TRAIN_ARG_VERSION: '46.0.0',
    });
    expect(swallowedFlagEnv([...nx, 'release-artifacts', '--version', '5.0.0-rc.1']).NX_RELEASE_TRAIN_ARG_VERSION).toBe('5.0.0-rc.1');
    expect(swallowedFlagEnv([...nx, 'release-patch', '--target=4.x'])).toEqual({
      NX_RELEASE_TRAIN_ARG_TARGET: '4.x',
      NX_RELEASE_TRAIN_ARG_VERSION: undefined,
    });
  });

  it('hands on --target for release-rc too', () => {
    expect(swallowedFlagEnv([...nx, 'release-rc', '--target=49.x']).NX_RELEASE_TRAIN_ARG_TARGET).toBe('49.x');
    expect(swallowedFlagEnv([...nx, 'release-rc']).NX_RELEASE_TRAIN_ARG_TARGET).toBeUndefined();
  });

  it('leaves `nx --version` and other commands alone', () => {
    expect(swallowedFlagEnv([...nx, '--version']).NX_RELEASE_TRAIN_ARG_VERSION).toBeUndefined();
    expect(swallowedFlagEnv([...nx, 'release-major', '--version=1.0.0']).NX_RELEASE_TRAIN_ARG_VERSION).toBeUndefined();
  });

  it('hands on --target for release-latest (release day of an older line)', () => {
    expect(swallowedFlagEnv([...nx, 'release-latest', '--target=48.x']).NX_RELEASE_TRAIN_ARG_TARGET).toBe('48.x');
  });

  it('names a swallowed flag the invoked train target does not take, so its executor refuses it', () => {
    const train = ['release-major', 'release-tag', 'release-patch'];
    expect(swallowedFlagEnv([...nx, 'release-major', '--target=4.x'], train)[UNDECLARED_FLAGS_ENV]).toBe('--target=4.x');
    expect(swallowedFlagEnv([...nx, 'run', 'ws:release-tag', '--version', '5.0.0'], train)[UNDECLARED_FLAGS_ENV]).toBe('--version=5.0.0');
    expect(swallowedFlagEnv([...nx, 'release-patch', '--target=4.x'], train)[UNDECLARED_FLAGS_ENV]).toBeUndefined();
    // Nx's own --target, naming the targets to run, is no flag of theirs.
    const runMany = swallowedFlagEnv([...nx, 'run-many', '--target', 'release-tag'], train);
    expect(runMany[UNDECLARED_FLAGS_ENV]).toBeUndefined();
    expect(swallowedFlagEnv([...nx, 'run-many', '--target', 'release-patch'], train).NX_RELEASE_TRAIN_ARG_TARGET).toBeUndefined();
  });
});
