/**
 * The plain entry `nx-release-train <command>` (dist/executors/cli.js), which needs no Nx
 * configuration: CI's tag job runs it on a release branch cut before the plugin was adopted
 * (no nx.json there), reading the settings from main's nx.json. No nx process is started.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleRoot, makeWorkspace, repoRoot } from './support/workspace';

const MARKER = '[automatically-tag-and-release-this-commit]';
const ws = makeWorkspace({ from: exampleRoot, git: true, options: { releaseTitle: 'Release Wasmtime {version}' } });
afterAll(() => ws.cleanup());

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'packages/nx-release-train/dist/executors/cli.js'), ...args], { cwd: ws.dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('nx-release-train <command> without Nx', () => {
  // A release branch from before adoption: no nx.json, a release commit carrying the marker.
  ws.git(['switch', '-q', '-c', 'release-5.0.0']);
  ws.git(['rm', '-q', 'nx.json']);
  ws.git(['commit', '-q', '-m', `Release Wasmtime 5.0.0\n\n${MARKER}`]);

  it('tags a release branch without nx.json, with the settings of main', () => {
    const refused = cli(['release-tag', '--dry-run']);
    expect(refused.status).toBe(1);
    expect(refused.out).toContain('there is no nx.json in');
    expect(refused.out).toContain('--settings-from=origin/main');

    const dry = cli(['release-tag', '--dry-run', '--settings-from=main']);
    expect(dry.out).toContain('[dry run] would tag');
    expect(dry.status).toBe(0);
    expect(ws.git(['tag', '--list'])).toBe('');
    const tagged = cli(['release-tag', '--settings-from', 'main']);
    expect(tagged.status).toBe(0);
    expect(tagged.out).toContain('as v5.0.0');
    expect(ws.git(['tag', '--list'])).toBe('v5.0.0');
  });

  it('refuses what it does not know: a command, a flag, settings without the plugin', () => {
    expect(cli(['release-tga']).out).toContain('unknown command "release-tga"');
    expect(cli(['publish']).out).toContain('publish runs per crate through nx');
    const flag = cli(['release-tag', '--dry-run', '--settings-from=main', '--bogus=1']);
    expect(flag.status).toBe(1);
    expect(flag.out).toContain('bogus');
    expect(cli(['release-tag', '--settings-from=HEAD']).out).toContain('there is no nx.json at HEAD');
  });

  it('lists the commands, and a command its flags', () => {
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.out).toMatch(/release-tag +Tag a release commit/);
    expect(cli(['release-tag', '--help']).out).toContain('--dryRun');
  });
});
