import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from './options';

describe('the options schema', () => {
  it('reports a typo anywhere with its full path and a "did you mean"', () => {
    const { problems } = resolveOptions({
      artifacts: { compresion: 5 },
      bindings: { repos: [{ name: 'py', url: 'u', rules: [{ kind: 'pattern', file: 'f', patern: 'v{version}' }] }] },
      versionFiles: [{ file: 'a.h', pattern: ['x'] }],
    });
    expect(problems.map((p) => [p.setting, p.message])).toEqual([
      ['artifacts.compresion', 'unknown setting "artifacts.compresion" in nx.json plugin options'],
      ['bindings.repos[0].rules[0].pattern', 'setting "bindings.repos[0].rules[0].pattern" in nx.json plugin options is missing, expected string'],
      ['bindings.repos[0].rules[0].patern', 'unknown setting "bindings.repos[0].rules[0].patern" in nx.json plugin options'],
      ['versionFiles[0].patterns', 'setting "versionFiles[0].patterns" in nx.json plugin options is missing, expected array'],
      ['versionFiles[0].pattern', 'unknown setting "versionFiles[0].pattern" in nx.json plugin options'],
    ]);
    expect(problems[0].fix).toBe(
      'did you mean "compression"? known: archives, features, buildEnv, platforms, builds, minimal, reusableWorkflow, targets, outputDir, compression, releaseName',
    );
    expect(problems[2].fix).toMatch(/^did you mean "pattern"\?/);
    expect(problems[4].fix).toMatch(/^did you mean "patterns"\?/);
  });

  it('names the setting that replaced a removed one', () => {
    const { problems } = resolveOptions({ artifacts: { repository: 'o/r' }, bindings: { githubApiUrl: 'https://ghe.corp/api/v3' } });
    expect(problems).toEqual([
      {
        setting: 'artifacts.repository',
        message:
          'unknown setting "artifacts.repository" in nx.json plugin options: it was replaced by "githubRepository" (one repository setting for every command that talks to GitHub)',
        fix: 'move its value to "githubRepository" at the top of the nx-release-train options and remove "artifacts.repository"',
      },
      {
        setting: 'bindings.githubApiUrl',
        message:
          'unknown setting "bindings.githubApiUrl" in nx.json plugin options: it was replaced by "githubApiUrl" (one API setting for every command that talks to GitHub)',
        fix: 'move its value to "githubApiUrl" at the top of the nx-release-train options and remove "bindings.githubApiUrl"',
      },
    ]);
  });

  it('checks every owner/name with the one rule', () => {
    const { problems } = resolveOptions({ githubRepository: 'a/b/c', bindings: { repos: [{ name: 'py', url: 'u', github: 'o r/x', rules: [] }] } });
    expect(problems.map((p) => [p.setting, p.message])).toEqual([
      ['githubRepository', 'setting "githubRepository" in nx.json plugin options "a/b/c" is not owner/name'],
      ['bindings.repos[0].github', 'setting "bindings.repos[0].github" in nx.json plugin options "o r/x" is not owner/name'],
    ]);
  });

  it('offers no guess for a name far from every setting', () => {
    const { problems } = resolveOptions({ artifacts: { zzzzzz: 1 } });
    expect(problems[0].fix).toMatch(/^remove it; known: archives, /);
  });

  it('keeps the defaults of a group next to a bad setting, and drops a setting with a bad item', () => {
    const { options, problems } = resolveOptions({
      artifacts: { outputDir: 'out', compression: 'max' },
      bindings: { title: 'T {version}', repos: [{ name: 'py', url: 'u', rules: [{ kind: 'regex' }] }] },
    });
    expect(problems.map((p) => p.setting)).toEqual(['artifacts.compression', 'bindings.repos[0].rules[0].kind']);
    expect(problems[0].fix).toBe('give an integer from 0 to 9; the default is 9');
    expect(problems[1].message).toBe(
      'setting "bindings.repos[0].rules[0].kind" in nx.json plugin options is "regex", expected one of: version-file, pattern, go-module, cargo-pins, lockfile',
    );
    expect(problems[1].fix).toBe('use one of: version-file, pattern, go-module, cargo-pins, lockfile');
    expect(resolveOptions({ bindings: { repos: [{ name: 'py', url: 'u', rules: [{ kind: 'patern' }] }] } }).problems[0].fix).toMatch(
      /^did you mean "pattern"\? use one of: /,
    );
    expect(options.artifacts).toEqual({ ...DEFAULT_OPTIONS.artifacts, outputDir: 'out' });
    expect(options.bindings).toEqual({ ...DEFAULT_OPTIONS.bindings, title: 'T {version}' });
  });

  it('refuses options that are not an object', () => {
    const { options, problems } = resolveOptions([1]);
    expect(problems).toEqual([{ setting: '(options)', message: 'nx.json plugin options must be an object', fix: expect.stringContaining('JSON object') }]);
    expect(options).toEqual(DEFAULT_OPTIONS);
  });

  it('checks values beyond their type (placeholders, paths inside the repository)', () => {
    const { problems } = resolveOptions({
      bindings: { branchPattern: 'fixed', repos: [{ name: 'go', url: 'u', rules: [{ kind: 'go-module', module: 'm', goMod: '/etc/go.mod' }] }] },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'setting "bindings.branchPattern" in nx.json plugin options "fixed" has no {version}',
      'setting "bindings.repos[0].rules[0].goMod" in nx.json plugin options "/etc/go.mod" is absolute',
    ]);
  });

  it('refuses counts that are not whole numbers in range, saying the value and the range', () => {
    const { problems, options } = resolveOptions({ supportedLines: 0, ltsEvery: -2, ltsMonths: 1.5, artifacts: { compression: 12 } });
    expect(problems.map((p) => [p.setting, p.message, p.fix])).toEqual([
      [
        'supportedLines',
        'setting "supportedLines" in nx.json plugin options is 0, expected a whole number of 1 or more',
        'give a whole number of 1 or more; the default is 2',
      ],
      [
        'ltsEvery',
        'setting "ltsEvery" in nx.json plugin options is -2, expected a whole number of 0 or more',
        'give a whole number of 0 or more; the default is 0',
      ],
      [
        'ltsMonths',
        'setting "ltsMonths" in nx.json plugin options is 1.5, expected a whole number of 0 or more',
        'give a whole number of 0 or more; the default is 0',
      ],
      [
        'artifacts.compression',
        'setting "artifacts.compression" in nx.json plugin options is 12, expected an integer from 0 to 9',
        'give an integer from 0 to 9; the default is 9',
      ],
    ]);
    expect(problems.every((p) => !/is number, expected number/.test(p.message))).toBe(true);
    expect(options.supportedLines).toBe(DEFAULT_OPTIONS.supportedLines);
    // Without a documented range, the check's own bound is said.
    expect(
      resolveOptions({ registryLimits: { 'crates-io': { publishSeconds: -1, newCrates: { burst: 2, interval: 0 } } } }).problems.map((p) => p.message),
    ).toEqual([
      'setting "registryLimits.crates-io.publishSeconds" in nx.json plugin options is -1, expected a number of at least 0',
      'setting "registryLimits.crates-io.newCrates.interval" in nx.json plugin options is 0, expected a number above 0',
    ]);
  });

  it('refuses a line break in text that becomes one line (archive line, titles, marker)', () => {
    const { problems } = resolveOptions({ archiveLine: '* [{major}.x](RELEASES.md)\n## 1.0.0', releaseTitle: 'Release\r\n{version}' });
    expect(problems.map((p) => p.setting)).toEqual(['archiveLine', 'releaseTitle']);
    expect(problems[0].message).toContain('contains a line break');
    expect(problems[0].fix).toContain('write it on one line');
  });
});
