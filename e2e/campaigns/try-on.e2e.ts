/**
 * `tools/try-on.mjs` on a Cargo workspace that also holds JavaScript tooling (a pnpm lock file
 * Nx cannot parse, two package.json projects with one name): the plugin is installed from its
 * packed tarball as a registry install would (a directory in node_modules holding the build,
 * no TypeScript sources), Nx's JS plugins are kept out, and Nx shows the Cargo projects.
 * Packs the built plugin and runs real Nx twice: a campaign (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'nrt-try-on-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/a"]\nresolver = "2"\n\n[workspace.package]\nversion = "1.0.0"\n',
  'crates/a/Cargo.toml': '[package]\nname = "tcrate"\nversion.workspace = true\nedition = "2021"\n',
  'crates/a/src/lib.rs': '',
  'package.json': '{ "name": "root", "private": true }\n',
  'pnpm-workspace.yaml': 'packages:\n  - "web/*"\n',
  // Not a lock file Nx can read: without the settings its JS plugin fails on it.
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters: [unclosed\n",
  'web/one/package.json': '{ "name": "site" }\n',
  'web/two/package.json': '{ "name": "site" }\n',
};

function files(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(root, e.name)) : [join(root, e.name)]));
}

describe('try-on on a workspace with JavaScript tooling', () => {
  it('installs the packed plugin, keeps Nx’s JS plugins out, and Nx shows the Cargo projects', () => {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false' };
    const run = spawnSync(process.execPath, [join(repo, 'tools/try-on.mjs'), dir], { encoding: 'utf8', env });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('pnpm-lock.yaml, pnpm-workspace.yaml found');

    // Installed as a registry install would: a directory (not a link) holding the build only.
    const installed = join(dir, 'node_modules/nx-release-train');
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    const shipped = files(installed).map((f) => f.slice(installed.length + 1));
    expect(shipped).toContain('dist/index.js');
    expect(shipped.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const resolved = spawnSync(process.execPath, ['-p', "require.resolve('nx-release-train')"], { cwd: dir, encoding: 'utf8' });
    expect(realpathSync(resolved.stdout.trim())).toBe(realpathSync(join(installed, 'dist/index.js')));

    const nxJson = JSON.parse(readFileSync(join(dir, 'nx.json'), 'utf8'));
    expect(nxJson.pluginsConfig['@nx/js']).toEqual({ analyzeLockfile: false, analyzePackageJson: false, analyzeSourceFiles: false });
    expect(nxJson.plugins).toEqual(['nx-release-train']);
    expect(readFileSync(join(dir, '.nxignore'), 'utf8')).toBe('*/**/package.json\n');

    const show = spawnSync(process.execPath, [join(dir, 'node_modules/.bin/nx'), 'show', 'projects', '--json'], { cwd: dir, encoding: 'utf8', env });
    expect(show.status, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout).sort()).toEqual(['cargo-workspace', 'tcrate']);
  });
});
