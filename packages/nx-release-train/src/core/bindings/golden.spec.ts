/**
 * The `wasmtime` preset's rules on synthetic repositories shaped like the five real binding
 * repositories (e2e/fixtures/bindings/<repo>/before -> after, 45.0.0 -> 46.0.0): the edits
 * must produce `after` exactly, and a second run on `after` must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../presets/wasmtime';
import { filesFromMap, planBindingEdits } from './plan';
import { resolveOptions } from '../settings/options';
import { bindingTree, FIVE_BINDINGS } from '../../../../../e2e/fixtures/bindings';

const { options, problems } = resolveOptions({ bindings: FIVE_BINDINGS });
const { bindings } = options;

describe('wasmtime preset on repositories shaped like the real ones', () => {
  it('declares the binding repositories as they follow in 2026: no wasmtime-cpp, dotnet by hand', () => {
    const preset = resolveOptions({ bindings: wasmtimePreset.bindings });
    expect(preset.problems).toEqual([]);
    expect(preset.options.bindings.repos.map((r) => [r.name, r.follows ?? 'every'])).toEqual([
      ['py', 'every'],
      ['go', 'every'],
      ['dotnet', 'manual'],
      ['rb', 'every'],
    ]);
    expect(problems).toEqual([]);
  });

  for (const repo of bindings.repos) {
    it(`moves wasmtime-${repo.name} from 45.0.0 to 46.0.0 exactly, and a rerun changes nothing`, () => {
      const before = bindingTree(repo.name, 'before');
      const after = bindingTree(repo.name, 'after');
      const plan = planBindingEdits(repo.rules, '46.0.0', filesFromMap(before));
      expect(plan.problems).toEqual([]);
      const result = { ...before, ...Object.fromEntries(plan.edits.map((e) => [e.file, e.after])) };
      expect(result).toEqual(after);
      expect(planBindingEdits(repo.rules, '46.0.0', filesFromMap(after))).toEqual({ edits: [], problems: [] });
    });
  }
});
