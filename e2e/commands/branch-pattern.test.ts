/**
 * A release branch pattern without {version} (`{major}.{minor}`: branches named `0.14`), the
 * commands in-process against real git: the cut names the branch, and release-latest and
 * release-patch find it (they used to read branch names through `{version}` only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/train-cli';
import { makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["core"]\nresolver = "2"\n\n[workspace.package]\nversion = "0.14.0-dev"\n',
  'core/Cargo.toml': '[package]\nname = "pcore"\nversion.workspace = true\nedition = "2021"\n',
  'core/src/lib.rs': '',
};

describe('branchPattern "{major}.{minor}"', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = makeWorkspace({ options: { branchPattern: '{major}.{minor}', candidates: false }, files: FILES, git: true, message: 'at 0.14.0-dev' });
    cleanups.push(ws.cleanup);
  });

  it('the cut, release day and a patch all find the branch 0.14', async () => {
    expect(await ok(ws, ['release-major'])).toContain('0.14');
    expect(ws.git(['show', '0.14:Cargo.toml'])).toContain('version = "0.14.0-dev"');
    expect(await ok(ws, ['release-latest', '--date=2026-12-01'])).toContain('0.14.0');
    expect(ws.git(['show', '0.14:Cargo.toml'])).toMatch(/version = "0.14.0"$/m);
    expect(await ok(ws, ['release-patch', '--target=0.14', '--date=2026-12-02'])).toContain('0.14.0 -> 0.14.1');
    expect(ws.git(['show', '0.14:Cargo.toml'])).toMatch(/version = "0.14.1"$/m);
    // --target=latest finds the same branch, and its rerun finishes rather than patches again.
    expect(await ok(ws, ['release-patch', '--target=latest', '--date=2026-12-03'])).toContain('0.14 already holds the release commit of 0.14.1');
  });
});
