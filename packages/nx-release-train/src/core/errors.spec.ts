import { describe, expect, it } from 'vitest';
import { formatFailure, formatProblem, ReleaseError } from './errors';
import { PlanError } from './version';

describe('the one failure printer', () => {
  it('prints a failure with its place, setting and fix in the compiler layout', () => {
    expect(formatFailure(new ReleaseError('the branch exists', 'delete it'))).toBe('error: the branch exists\n  fix: delete it');
    expect(formatFailure(new ReleaseError('not valid TOML', 'fix the syntax', { file: 'a/Cargo.toml', line: 3 }))).toBe(
      'a/Cargo.toml:3: error: not valid TOML\n  fix: fix the syntax',
    );
    expect(formatFailure(new ReleaseError('no repository', 'set it', { setting: 'artifacts.repository' }))).toBe(
      'error: no repository (setting "artifacts.repository")\n  fix: set it',
    );
  });

  it('does not repeat a fix the message already states', () => {
    expect(formatProblem({ message: 'it failed. Fix: rerun later.', fix: 'rerun later.' })).toBe('error: it failed. Fix: rerun later.');
  });

  it('lists every problem of a refused plan under one headline', () => {
    const err = new PlanError([
      { level: 'error', file: 'Cargo.toml', line: 4, message: 'bad version', fix: 'write X.Y.Z' },
      { level: 'warning', file: 'RELEASES.md', message: 'no Unreleased.', fix: 'add it' },
    ]);
    expect(err).toBeInstanceOf(ReleaseError);
    expect(formatFailure(err)).toBe(
      'error: the release plan was refused; nothing was changed:\nCargo.toml:4: error: bad version\n  fix: write X.Y.Z\nRELEASES.md: warning: no Unreleased.\n  fix: add it',
    );
  });

  it('shows the stack of anything else: that is a bug, not a user error', () => {
    expect(formatFailure(new TypeError('x is undefined'))).toMatch(/^error: TypeError: x is undefined\n\s+at /);
  });
});
