import { describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../presets/wasmtime';
import { resolveOptions } from './options';
import { relativePathProblem } from './path-rules';

const settings = (raw: unknown) => resolveOptions(raw).problems.map((p) => p.setting);

describe('option values that reach git and the file system', () => {
  it('a branch pattern with a newline (an update-ref --stdin command) is refused', () => {
    const { problems } = resolveOptions({ branchPattern: 'release-{version}\ndelete refs/heads/main' });
    expect(problems).toHaveLength(1);
    expect(problems[0].setting).toBe('branchPattern');
    expect(problems[0].message).toContain('control character 0x0a');
  });

  it('every branch and tag pattern and name is checked, binding ones included', () => {
    expect(settings({ bumpBranchPattern: 'ci/bump..{version}', tagPattern: 'v{version}^', mainBranch: 'ma in', remote: 'or:igin' })).toEqual([
      'bumpBranchPattern',
      'tagPattern',
      'mainBranch',
      'remote',
    ]);
    expect(settings({ branchPattern: 'release/{version}/' })).toEqual(['branchPattern']);
    expect(
      settings({
        bindings: {
          branchPattern: 'up/{version}.lock',
          repos: [{ name: 'py', url: 'x', baseBranch: '-main', tagPattern: '{version}~', rules: [{ kind: 'version-file', file: 'VERSION' }] }],
        },
      }),
    ).toEqual(['bindings.branchPattern', 'bindings.repos[0].tagPattern', 'bindings.repos[0].baseBranch']);
    // The schema refuses a path out of the repository (a refused setting keeps its default).
    expect(settings({ bindings: { repos: [{ name: 'py', url: 'x', rules: [{ kind: 'version-file', file: '../../etc/passwd' }] }] } })).toEqual([
      'bindings.repos[0].rules[0].file',
    ]);
  });

  it('an empty or multi-line marker is an error (every commit would carry it)', () => {
    expect(resolveOptions({ marker: '' }).problems[0]).toMatchObject({ setting: 'marker', message: 'marker is empty' });
    expect(settings({ marker: '   ' })).toEqual(['marker']);
    expect(settings({ marker: 'a\nb' })).toEqual(['marker']);
  });

  it('paths stay inside the workspace', () => {
    expect(settings({ artifacts: { outputDir: '../outside' } })).toEqual(['artifacts.outputDir']);
    expect(settings({ artifacts: { outputDir: '/tmp/x' } })).toEqual(['artifacts.outputDir']);
    expect(settings({ releasesFile: 'docs/../../RELEASES.md', versionFiles: [{ file: '/etc/hosts', patterns: [] }] })).toEqual([
      'releasesFile',
      'versionFiles[0].file',
    ]);
    expect(settings({ artifacts: { outputDir: 'dist/../out', archives: [{ name: 'x', entries: [{ path: '..' }] }] } })).toEqual([
      'artifacts.archives[0].entries[0].path',
    ]);
  });

  it('a registry name cargo would not accept', () => {
    expect(settings({ registry: 'x;y' })).toEqual(['registry']);
    expect(settings({ registry: 'my-reg_2' })).toEqual([]);
  });

  it('the defaults and the wasmtime preset pass', () => {
    expect(resolveOptions({}).problems).toEqual([]);
    expect(resolveOptions(wasmtimePreset).problems).toEqual([]);
  });

  it('relative paths', () => {
    expect(relativePathProblem('a/b/../c')).toBeNull();
    expect(relativePathProblem('a/../../c')).toBe('leads outside the root through ".."');
    expect(relativePathProblem('C:\\x')).toBe('is absolute');
    expect(relativePathProblem('')).toBe('is empty');
  });
});
