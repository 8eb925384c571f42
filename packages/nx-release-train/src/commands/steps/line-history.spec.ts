/**
 * The tag walk of line-history.ts against a fake git (tags and the manifests at each): the
 * newest tag carrying a line's version is found, and newer versions of the line that other
 * branches released are reported even when their tag sorts below the one found.
 */
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../core/settings/options';
import { buildWorkspace } from '../../core/workspace';
import type { Git } from '../../effects/git';
import { SHAPES } from '../../../../../e2e/fixtures/shapes';
import { lineHistory } from './line-history';

const shape = SHAPES['patch of a 1.17 workspace, helpers on their own line'];
const HELPERS = ['crates/helper-macros/Cargo.toml', 'crates/helper-shared/Cargo.toml'];

/** A git whose tags carry the helpers at the given version (every other manifest as in `before`). */
function fakeGit(tags: Record<string, string>): Git {
  const at = (tag: string, path: string) => {
    const text = shape.before[path];
    return HELPERS.includes(path) ? text.replace('"0.4.1"', `"${tags[tag]}"`) : text;
  };
  return {
    out: async (args: string[]) => (args[0] === 'for-each-ref' ? Object.keys(tags).join('\n') : ''),
    readFiles: async (tag: string, paths: string[]) => new Map(paths.filter((p) => p in shape.before).map((p) => [p, at(tag, p)])),
  } as unknown as Git;
}

describe('lineHistory', () => {
  const files = shape.before;
  const ws = buildWorkspace({ manifests: Object.keys(files).filter((f) => f.endsWith('Cargo.toml')), read: (p) => files[p] ?? null });
  const { options } = resolveOptions(shape.options);

  it('finds the newest tag carrying the line, and the newer versions of it released from other branches', async () => {
    // Planning a patch of release-1.18.0 (helpers 0.4.1) after 1.17.1 released helpers 0.4.2 from release-1.17.0.
    const history = await lineHistory(fakeGit({ 'v1.17.0': '0.4.1', 'v1.17.1': '0.4.2', 'v1.18.0': '0.4.1' }), 'HEAD', ws, options);
    expect(history.get('0.4')).toEqual({ tag: 'v1.18.0', changed: [], taken: [{ tag: 'v1.17.1', version: '0.4.2' }] });
  });

  it('reports nothing taken when no other branch moved the line', async () => {
    const history = await lineHistory(fakeGit({ 'v1.16.0': '0.4.0', 'v1.17.0': '0.4.1' }), 'HEAD', ws, options);
    expect(history.get('0.4')).toEqual({ tag: 'v1.17.0', changed: [], taken: [] });
  });
});
