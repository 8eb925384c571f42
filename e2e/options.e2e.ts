/**
 * The one options schema through the real nx CLI: a typo anywhere in the plugin options shows
 * in `nx show projects` once, with its setting path and a fix, while the graph still builds;
 * a command refuses to run with them and changes nothing; `--help` is described.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { exampleRoot, makeWorkspace, nxOk, nxRefused, type TempWorkspace } from './support/workspace';

const made: TempWorkspace[] = [];
afterAll(() => made.forEach((ws) => ws.cleanup()));

const typos = {
  artifacts: { compresion: 5 },
  bindings: { repos: [{ name: 'py', url: 'https://github.com/o/py.git', rules: [{ kind: 'patern', file: 'VERSION' }] }] },
  supportedLine: 2,
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
    expect(run.stdout.split('\n')).toContain('wasmtime');
  });

  it('makes a command refuse with the same problems and change nothing', () => {
    const ws = makeWorkspace({ from: exampleRoot, options: typos, git: true });
    made.push(ws);
    const head = ws.git(['rev-parse', 'HEAD']);
    const out = nxRefused(ws, ['release-tag']);
    expect(out).toContain('error: nx.json has invalid nx-release-train options:');
    expect(out).toContain('nx.json: error: unknown setting "artifacts.compresion"');
    expect(ws.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(ws.git(['tag'])).toBe('');
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
