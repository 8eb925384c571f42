import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from '../settings/options';

/** The `artifacts` group as the one options schema checks it. */
const resolveArtifacts = (artifacts: unknown) => {
  const { options, problems } = resolveOptions(artifacts === undefined ? {} : { artifacts });
  return { artifacts: options.artifacts, problems };
};

describe('resolveArtifacts', () => {
  it('fills unset keys from the defaults', () => {
    const { artifacts, problems } = resolveArtifacts({ archives: [{ name: 'x-{platform}', entries: [] }], releaseName: 'Wasmtime {version}' });
    expect(problems).toEqual([]);
    expect(artifacts).toEqual({ ...DEFAULT_OPTIONS.artifacts, archives: [{ name: 'x-{platform}', entries: [] }], releaseName: 'Wasmtime {version}' });
    expect(resolveArtifacts(undefined).artifacts).toEqual(DEFAULT_OPTIONS.artifacts);
  });

  it('names unknown and mistyped settings and keeps the defaults for them', () => {
    const { artifacts, problems } = resolveArtifacts({ archive: [], outputDir: 5, features: [], releaseName: 'r', compression: 12 });
    expect(problems.map((p) => p.message)).toEqual([
      'unknown setting "artifacts.archive" in nx.json plugin options',
      'setting "artifacts.outputDir" in nx.json plugin options is number, expected string',
      'setting "artifacts.features" in nx.json plugin options is array, expected object',
      'setting "artifacts.compression" in nx.json plugin options is 12, expected an integer from 0 to 9',
    ]);
    expect(problems[0].fix).toMatch(/known: archives, /);
    expect(artifacts.outputDir).toBe('dist');
    expect(artifacts.releaseName).toBe('r');
    expect(artifacts.compression).toBe(9);
  });

  it('refuses a non-object', () => {
    expect(resolveArtifacts([]).problems[0].message).toMatch(/must be an object/);
  });
});
