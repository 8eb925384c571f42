/**
 * The settings through the real nx CLI: a typo anywhere in the plugin options, and a setting
 * that contradicts the workspace, show in `nx show projects` once, with the setting and a
 * fix, while the graph still builds; `--help` is described. A command refusing them is proven
 * in-process (e2e/commands/settings.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { exampleRoot, makeWorkspace, nxOk, type TempWorkspace } from './support/workspace';

const made: TempWorkspace[] = [];
afterAll(() => made.forEach((ws) => ws.cleanup()));

const typos = {
  artifacts: { compresion: 5 },
  bindings: { repos: [{ name: 'py', url: 'https://github.com/o/py.git', rules: [{ kind: 'patern', file: 'VERSION' }] }] },
  supportedLine: 2,
  // Valid on its own; contradicts the workspace (core/settings/rules.ts).
  versionLines: { groups: { a: ['wasmtime'], b: ['wasm*'] }, fixed: ['wasmtim'] },
};

describe('plugin options', () => {
  it('reports each problem once with its setting path, and the graph still builds', () => {
    const ws = makeWorkspace({ from: exampleRoot, options: typos });
    made.push(ws);
    const run = ws.nx(['show', 'projects']);
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout + run.stderr;
    expect(out.match(/unknown setting "artifacts\.compresion"/g)).toHaveLength(1);
    expect(out).toContain('fix: did you mean "compression"?');
    expect(out.match(/setting "bindings\.repos\[0\]\.rules\[0\]\.kind" .* is "patern"/g)).toHaveLength(1);
    expect(out).toContain('fix: did you mean "pattern"?');
    expect(out.match(/unknown setting "supportedLine"/g)).toHaveLength(1);
    expect(out).toContain('did you mean "supportedLines"?');
    expect(out.match(/nx\.json: error: crate wasmtime is in groups a and b/g)).toHaveLength(1);
    expect(out.match(/nx\.json: warning: versionLines\.fixed names "wasmtim", which matches no crate of the workspace/g)).toHaveLength(1);
    expect(run.stdout.split('\n')).toContain('wasmtime');
  });

  it('describes every generator in --help', () => {
    const ws = makeWorkspace({ from: exampleRoot });
    made.push(ws);
    for (const generator of ['init', 'ci-workflow']) {
      const help = nxOk(ws, ['g', `nx-release-train:${generator}`, '--help']);
      expect(help, generator).not.toContain('undefined');
      expect(help, generator).toMatch(/nx-release-train|workflow/);
    }
  });
});
