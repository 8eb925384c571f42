import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, githubRepoOf, resolveRepo } from './rules';
import { resolveOptions } from '../settings/options';

/** The `bindings` group as the one options schema checks it. */
const resolveBindings = (bindings: unknown) => {
  const { options, problems } = resolveOptions({ bindings });
  return { bindings: options.bindings, problems };
};

describe('bindings settings', () => {
  it('fills defaults key by key', () => {
    const { bindings, problems } = resolveBindings({ title: 'Bump to {version}', repos: [{ name: 'py', url: '/srv/py.git', rules: [] }] });
    expect(problems).toEqual([]);
    expect(bindings).toEqual({ ...DEFAULT_BINDINGS, title: 'Bump to {version}', repos: [{ name: 'py', url: '/srv/py.git', rules: [] }] });
  });

  it('names every bad setting down to the rule field', () => {
    const { problems } = resolveBindings({
      titel: 'x',
      branchPattern: 3,
      repos: [
        { name: 'py', url: 'u', rules: [{ kind: 'pattern', file: 'f', pattern: 'no placeholder' }, { kind: 'regex' }] },
        {
          name: 'py',
          rules: [
            { kind: 'go-module', module: 'example.com/m/v3' },
            { kind: 'version-file', file: '../x' },
          ],
        },
        {
          name: 'a b',
          url: 'u',
          github: 'nope',
          rules: [
            { kind: 'cargo-pins', file: 'Cargo.toml', crates: [] },
            { kind: 'lockfile', file: 'Gemfile.lock', format: 'npm', packages: ['x'] },
          ],
        },
      ],
    });
    expect(problems.map((p) => p.setting)).toEqual([
      'bindings.titel',
      'bindings.branchPattern',
      'bindings.repos[0].rules[0].pattern',
      'bindings.repos[0].rules[1].kind',
      'bindings.repos[1].url',
      'bindings.repos[1].name',
      'bindings.repos[1].rules[0].module',
      'bindings.repos[1].rules[1].file',
      'bindings.repos[2].name',
      'bindings.repos[2].github',
      'bindings.repos[2].rules[0].crates',
      'bindings.repos[2].rules[1].format',
    ]);
    expect(problems[6].fix).toBe('give the path without it: "example.com/m"');
  });

  it('reads owner/name from GitHub URLs and fills repo defaults', () => {
    expect(githubRepoOf('https://github.com/o/r.git')).toBe('o/r');
    expect(githubRepoOf('git@github.com:o/r')).toBe('o/r');
    expect(githubRepoOf('/srv/git/r.git')).toBeNull();
    expect(resolveRepo({ name: 'x', url: 'https://github.com/o/r', rules: [] }, DEFAULT_BINDINGS)).toEqual({
      name: 'x',
      url: 'https://github.com/o/r',
      github: 'o/r',
      baseBranch: 'main',
      branchPattern: DEFAULT_BINDINGS.branchPattern,
      tagPattern: 'v{version}',
      rules: [],
      follows: 'every',
    });
  });
});
