/**
 * A command refuses to run with settings that do not fit the schema or the workspace, names
 * every problem with its setting and fix, and changes nothing (in-process, as execute() runs
 * it: settings through effects/run-settings.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { releaseTagCommand } from '../../packages/nx-release-train/src/commands/release-tag';
import { releaseTagFlags } from '../../packages/nx-release-train/src/core/flags/release-tag';
import { runCommand } from '../support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

const typos = {
  artifacts: { compresion: 5 },
  bindings: { repos: [{ name: 'py', url: 'https://github.com/o/py.git', rules: [{ kind: 'patern', file: 'VERSION' }] }] },
  supportedLine: 2,
};

async function refusedWith(settings: unknown) {
  ws = makeWorkspace({ from: exampleRoot, git: true });
  const head = ws.git(['rev-parse', 'HEAD']);
  const run = await runCommand(releaseTagCommand, releaseTagFlags, { root: ws.dir, settings });
  expect(run.ok).toBe(false);
  expect(ws.git(['rev-parse', 'HEAD'])).toBe(head);
  expect(ws.git(['tag'])).toBe('');
  expect(ws.git(['status', '--porcelain'])).toBe('');
  return run.out;
}

describe('settings a command refuses', () => {
  it('schema problems: every one, with its setting path and fix', async () => {
    const out = await refusedWith(typos);
    expect(out).toContain('error: nx.json has invalid nx-release-train options:');
    expect(out).toContain('nx.json: error: unknown setting "artifacts.compresion"');
    expect(out).toContain('fix: did you mean "compression"?');
    expect(out).toMatch(/setting "bindings\.repos\[0\]\.rules\[0\]\.kind" .* is "patern"/);
    expect(out).toContain('did you mean "supportedLines"?');
  });

  it('settings that contradict the workspace (core/settings/rules.ts)', async () => {
    const out = await refusedWith({ versionLines: { groups: { a: ['wasmtime'], b: ['wasm*'] } } });
    expect(out).toContain('error: nx.json has invalid nx-release-train options:');
    expect(out).toContain('crate wasmtime is in groups a and b');
    expect(out).toContain('fix: list it in one group of versionLines.groups');
  });

  it('a line across compatibility lines, named at the manifest of the crate that does not fit', async () => {
    const out = await refusedWith({ versionLines: { followWorkspace: ['cranelift-entity'] } });
    expect(out).toMatch(
      /cranelift\/entity\/Cargo\.toml: error: crate cranelift-entity \(0\.\d+\.0, line 0\.\d+\.x\) is configured onto line workspace with \[workspace\.package\]/,
    );
  });
});
