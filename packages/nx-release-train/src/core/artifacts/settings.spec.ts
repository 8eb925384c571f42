import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../settings/options';
import { resolveArtifacts } from './settings';

describe('resolveArtifacts', () => {
  it('fills unset keys from the defaults', () => {
    const { artifacts, problems } = resolveArtifacts({ archives: [{ name: 'x-{platform}', entries: [] }], repository: 'o/r' });
    expect(problems).toEqual([]);
    expect(artifacts).toEqual({ ...DEFAULT_OPTIONS.artifacts, archives: [{ name: 'x-{platform}', entries: [] }], repository: 'o/r' });
    expect(resolveArtifacts(undefined).artifacts).toEqual(DEFAULT_OPTIONS.artifacts);
  });

  it('names unknown and mistyped settings and keeps the defaults for them', () => {
    const { artifacts, problems } = resolveArtifacts({ archive: [], outputDir: 5, features: [], repository: null, compression: 12 });
    expect(problems.map((p) => p.message)).toEqual([
      'unknown setting "artifacts.archive"',
      'setting "artifacts.outputDir" is a number, expected string',
      'setting "artifacts.features" is an array, expected object',
      'setting "artifacts.compression" is a number, expected an integer from 0 to 9',
    ]);
    expect(problems[0].fix).toMatch(/known: archives, /);
    expect(artifacts.outputDir).toBe('dist');
    expect(artifacts.repository).toBeNull();
    expect(artifacts.compression).toBe(9);
  });

  it('refuses a non-object', () => {
    expect(resolveArtifacts([]).problems[0].message).toMatch(/must be an object/);
  });
});
