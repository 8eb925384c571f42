import { describe, expect, it } from 'vitest';
import { candidateLines } from './candidates';

const settings = { devSuffix: 'dev', candidates: true, candidateSuffix: 'rc' };
const at = (suffix: string) => [
  { name: 'wasmtime', version: `49.0.0${suffix}` },
  { name: 'wasmtime-environ', version: `49.0.0${suffix}` },
  { name: 'cranelift-codegen', version: `0.136.0${suffix}` },
];
const index = {
  wasmtime: [
    { vers: '48.0.0', yanked: false },
    { vers: '49.0.0-rc.1', yanked: true },
    { vers: '49.0.0-rc.2', yanked: false },
  ],
  'wasmtime-environ': [
    { vers: '49.0.0-rc.1', yanked: false },
    { vers: '49.0.0-rc.2', yanked: false },
  ],
  // The Cranelift line has candidates of its own version; 49.0.0-rc.N would not be its own.
  'cranelift-codegen': [
    { vers: '0.136.0-rc.1', yanked: false },
    { vers: '0.136.0-rc.2', yanked: false },
    { vers: '49.0.0-rc.1', yanked: false },
  ],
};

describe('candidateLines', () => {
  it('a final release supersedes every candidate of each crate’s own version', () => {
    expect(candidateLines(at(''), index, settings)).toEqual([
      'Release: final (49.0.0, 0.136.0)',
      '  supersedes the earlier candidates 0.136.0-rc.1 (1 crate), 0.136.0-rc.2 (1 crate), 49.0.0-rc.1 (2 crates, 1 already yanked), 49.0.0-rc.2 (2 crates)',
    ]);
  });

  it('a candidate supersedes only the earlier ones', () => {
    expect(candidateLines(at('-rc.2'), index, settings)).toEqual([
      'Release: candidate 2 (49.0.0-rc.2, 0.136.0-rc.2), a pre-release',
      '  supersedes the earlier candidates 0.136.0-rc.1 (1 crate), 49.0.0-rc.1 (2 crates, 1 already yanked)',
    ]);
    expect(candidateLines(at('-rc.1'), index, settings)[1]).toBe('  supersedes no earlier candidate in the index');
  });

  it('never says "supersedes no earlier candidate" for an index it could not read', () => {
    const unread = { count: 2, why: 'the index could not be read: ENOTFOUND' };
    expect(candidateLines(at(''), {}, settings, unread)[1]).toBe(
      '  which earlier candidates it supersedes is unknown (unknown for 2 of 3 crates: the index could not be read: ENOTFOUND)',
    );
    expect(candidateLines(at('-rc.2'), index, settings, { count: 1, why: 'offline' })[1]).toMatch(/, and perhaps more \(unknown for 1 of 3 crates: offline\)$/);
  });

  it('says that a -dev version is not a release, and that mixed stages are one release too many', () => {
    expect(candidateLines(at('-dev'), {}, settings)[0]).toMatch(/^Release: 49.0.0-dev, 0.136.0-dev is in development: not a release to publish/);
    expect(candidateLines([...at('-rc.1'), { name: 'x', version: '1.0.0' }], {}, settings)[0]).toMatch(/different points of the train/);
  });
});
