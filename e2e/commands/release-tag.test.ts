import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseTagCommand } from '../../packages/nx-release-train/src/commands/release-tag';
import { releaseTagFlags } from '../../packages/nx-release-train/src/core/flags/release-tag';
import { runCommand } from '../support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const MARKER = '[automatically-tag-and-release-this-commit]';
let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

const tag = (flags: Record<string, unknown> = {}) => runCommand(releaseTagCommand, releaseTagFlags, { root: ws!.dir, flags });
const tags = () => ws!.git(['tag', '--list']);

/** The example on `release-5.0.0`, its workspace version set to `version` (committed). */
function releaseBranchAt(version: string): TempWorkspace {
  const w = makeWorkspace({ from: exampleRoot, git: true });
  w.git(['switch', '-q', '-c', 'release-5.0.0']);
  if (version !== '5.0.0') {
    const manifest = join(w.dir, 'Cargo.toml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^version = "5\.0\.0"$/m, `version = "${version}"`));
    w.git(['commit', '-q', '-am', `version ${version}`]);
  }
  return w;
}

describe('release-tag (in-process)', () => {
  it('tags a release branch whose HEAD carries the marker and the release title, once; says why not elsewhere', async () => {
    ws = makeWorkspace({ from: exampleRoot, git: true });
    const onMain = await tag();
    expect(onMain.ok).toBe(true);
    expect(onMain.out).toContain('no tag: "main" is not a release branch');

    ws.git(['switch', '-q', '-c', 'release-5.0.0']);
    const unmarked = await tag();
    expect(unmarked.out).toMatch(/does not carry/);
    expect(tags()).toBe('');

    ws.git(['commit', '-q', '--allow-empty', '-m', `Release 5.0.0\n\n${MARKER}`]);
    const dry = await tag({ dryRun: true });
    expect(dry.out).toContain('[dry run] would tag');
    expect(tags()).toBe('');
    expect((await tag()).out).toContain('as v5.0.0');
    expect(tags()).toBe('v5.0.0');
    expect((await tag()).out).toContain('already points at');
  });

  it('a marker without the release title tags nothing; a squash-merged release commit ("… (#12)") is tagged', async () => {
    ws = releaseBranchAt('5.0.0');
    ws.git(['commit', '-q', '--allow-empty', '-m', `Fix a typo\n\n${MARKER}`]);
    const quoted = await tag();
    expect(quoted.ok).toBe(true);
    expect(quoted.out).toContain(
      'carries [automatically-tag-and-release-this-commit] but its title is "Fix a typo", not "Release 5.0.0" (setting "releaseTitle")',
    );
    expect(tags()).toBe('');
    ws.git(['commit', '-q', '--allow-empty', '-m', `Release 5.0.0 (#12)\n\n${MARKER}`]);
    expect((await tag()).out).toContain('as v5.0.0');
  });

  it('never tags a development version, and refuses a pre-release shape the train does not know', async () => {
    ws = releaseBranchAt('5.0.0-dev');
    ws.git(['commit', '-q', '--allow-empty', '-m', `Release 5.0.0-dev\n\n${MARKER}`]);
    const dev = await tag();
    expect(dev.ok).toBe(false);
    expect(dev.out).toContain('release-5.0.0 is at 5.0.0-dev, a development version (-dev), which is never released; no tag was made');
    expect(dev.out).toContain('nx release-rc');
    expect(tags()).toBe('');
    ws.cleanup();

    ws = releaseBranchAt('5.0.0-beta.1');
    ws.git(['commit', '-q', '--allow-empty', '-m', `Release 5.0.0-beta.1\n\n${MARKER}`]);
    const beta = await tag();
    expect(beta.ok).toBe(false);
    expect(beta.out).toContain('neither a release nor a release candidate (X.Y.Z-rc.N) of this train; no tag was made');
    expect(tags()).toBe('');
  });

  it('refuses an unknown flag naming it', async () => {
    ws = makeWorkspace({ from: exampleRoot, git: true });
    const r = await tag({ brnach: 'x' });
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/brnach/);
  });
});
