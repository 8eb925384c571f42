import { describe, expect, it } from 'vitest';
import { patchTargetFromArgv } from './argv';

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
