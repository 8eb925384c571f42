import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from './options';
import { fillPattern } from './pattern';
import { pluginOptions, registerPlugin } from './nx-json';
import { wasmtimePreset } from '../../presets/wasmtime';

describe('options', () => {
  it('fills defaults and keeps given settings', () => {
    const { options, problems } = resolveOptions({ bumpTitle: 'Bump to {version}', registry: 'local' });
    expect(problems).toEqual([]);
    expect(options.bumpTitle).toBe('Bump to {version}');
    expect(options.registry).toBe('local');
    expect(options.supportedLines).toBe(DEFAULT_OPTIONS.supportedLines);
  });

  it('names unknown and mistyped settings with a fix', () => {
    const { problems } = resolveOptions({ bumpTtle: 'x', supportedLines: '2' });
    expect(problems.map((p) => p.setting)).toEqual(['bumpTtle', 'supportedLines']);
    expect(problems[0].fix).toContain('bumpTitle');
    expect(problems[1].message).toBe('setting "supportedLines" in nx.json plugin options is string, expected a whole number of 1 or more');
  });

  it('checks the train and version-line settings by the schema', () => {
    const { options, problems } = resolveOptions({
      requirementPolicy: 'strict',
      releaseNotes: 'sometimes',
      versionLines: { fixed: ['deno_webgpu'], fixd: ['naga'] },
      devSuffix: '1',
      candidates: true,
    });
    expect(problems.map((p) => p.setting)).toEqual(['requirementPolicy', 'releaseNotes', 'versionLines.fixd', 'devSuffix']);
    // A refused setting keeps its default; its neighbours keep their values.
    expect(options.requirementPolicy).toBe('none');
    expect(options.releaseNotes).toBe('auto');
    expect(options.versionLines).toEqual({ ...DEFAULT_OPTIONS.versionLines, fixed: ['deno_webgpu'] });
    expect(options.candidates).toBe(true);
    expect(resolveOptions({ devSuffix: 'rc', candidateSuffix: 'rc' }).problems.map((p) => p.setting)).toEqual(['candidateSuffix']);
  });

  it('accepts the wasmtime preset as it is', () => {
    expect(resolveOptions(wasmtimePreset).problems).toEqual([]);
  });

  it('fills version placeholders', () => {
    expect(fillPattern('v{version} {major}.{minor}.x #{patch}', '46.0.1')).toBe('v46.0.1 46.0.x #1');
    expect(fillPattern('{major}', '1.2.3-rc.1')).toBe('1');
  });
});

describe('registerPlugin', () => {
  it('adds the plugin once and keeps other plugins', () => {
    const once = registerPlugin(['@nx/js'], 'nx-release-train');
    expect(once).toEqual(['@nx/js', 'nx-release-train']);
    expect(registerPlugin(once, 'nx-release-train')).toBe(once);
  });

  it('fills preset settings without overriding what is written', () => {
    const first = registerPlugin([{ plugin: 'nx-release-train', options: { supportedLines: 3 } }], 'nx-release-train', { supportedLines: 2, marker: 'm' });
    expect(first).toEqual([{ plugin: 'nx-release-train', options: { supportedLines: 3, marker: 'm' } }]);
    expect(registerPlugin(first, 'nx-release-train', { supportedLines: 2, marker: 'm' })).toEqual(first);
    expect(pluginOptions(first, 'nx-release-train')).toEqual({ supportedLines: 3, marker: 'm' });
  });
});
