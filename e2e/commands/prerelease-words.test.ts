/**
 * Alphas published from main (setting prereleaseIdentifiers), the commands in-process against
 * real git: a main at 0.8.0-alpha.1 is cut (main to 0.9.0-alpha.0), the release branch gets
 * its next alpha from release-rc and its release from release-latest; none of it is refused
 * (without the setting it is, naming it: core/version/prerelease-words.spec.ts). With
 * prereleasesFromMain, release-tag tags the alpha's release commit on main itself.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, refused } from '../support/train-cli';
import { makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["core"]\nresolver = "2"\n\n[workspace.package]\nversion = "0.8.0-alpha.1"\n',
  'core/Cargo.toml': '[package]\nname = "acore"\nversion.workspace = true\nedition = "2021"\n',
  'core/src/lib.rs': '',
};

function repo(options: Record<string, unknown>): TempWorkspace {
  const ws = makeWorkspace({ options, files: FILES, git: true, message: 'at 0.8.0-alpha.1' });
  cleanups.push(ws.cleanup);
  return ws;
}

describe('a main at 0.8.0-alpha.1', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = repo({ prereleaseIdentifiers: ['alpha'] });
  });

  it('is cut, counted up and released with prereleaseIdentifiers ["alpha"]', async () => {
    expect(await ok(ws, ['release-major'])).toContain('release-0.8.0');
    expect(ws.git(['show', 'main:Cargo.toml'])).toContain('version = "0.9.0-alpha.0"');
    expect(ws.git(['show', 'release-0.8.0:Cargo.toml'])).toContain('version = "0.8.0-alpha.1"');
    expect(await ok(ws, ['release-rc', '--target=0.8'])).toContain('0.8.0-alpha.2');
    expect(ws.git(['show', 'release-0.8.0:Cargo.toml'])).toContain('version = "0.8.0-alpha.2"');
    expect(await ok(ws, ['release-latest', '--date=2026-12-01'])).toContain('0.8.0');
    expect(ws.git(['show', 'release-0.8.0:Cargo.toml'])).toMatch(/version = "0.8.0"$/m);
  });
});

describe('release-tag on a main that publishes its alphas', () => {
  const MARKER = '[automatically-tag-and-release-this-commit]';
  const release = (ws: TempWorkspace, version: string) => {
    writeFileSync(join(ws.dir, 'Cargo.toml'), FILES['Cargo.toml'].replace('0.8.0-alpha.1', version));
    ws.git(['commit', '-q', '--allow-empty', '-am', `Release ${version}\n\n${MARKER}`]);
  };

  it('tags 0.8.0-alpha.1 on main only with prereleasesFromMain, and never a -dev or plain version there', async () => {
    const off = repo({ prereleaseIdentifiers: ['alpha'] });
    release(off, '0.8.0-alpha.1');
    expect(await ok(off, ['release-tag'])).toContain('setting "prereleasesFromMain" is off');
    expect(off.git(['tag', '--list'])).toBe('');

    const ws = repo({ prereleaseIdentifiers: ['alpha'], prereleasesFromMain: true });
    expect(await ok(ws, ['release-tag'])).toContain('no tag: HEAD');
    release(ws, '0.8.0-alpha.1');
    expect(await ok(ws, ['release-tag'])).toContain('tagged');
    expect(ws.git(['tag', '--list'])).toBe('v0.8.0-alpha.1');
    for (const version of ['0.8.0-dev', '0.8.0']) {
      release(ws, version);
      expect(await refused(ws, ['release-tag'])).toContain(`main is at ${version}`);
    }
    expect(ws.git(['tag', '--list'])).toBe('v0.8.0-alpha.1');
  });
});
