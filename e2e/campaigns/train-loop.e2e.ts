/**
 * A rehearsal of the loop the generated workflow runs, against the local GitHub API and the
 * local Cargo registry: every step in a fresh clone (as a workflow job), every commit
 * proposed as a pull request, each merged by a maintainer through the API, each step rerun
 * to show that it changes nothing. cut -> merge -> release day -> merge -> tag (through the
 * API, on the merge commit, from a detached checkout given the branch) -> publish -> patch ->
 * merge -> tag.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, writeCargoHome, type Registry } from '../../tools/local-registry';
import { BOT_TOKEN, git, startTrain, type StepRun, type Train } from '../support/train';

const hasCargo = spawnSync('cargo', ['--version']).status === 0;

function ok(r: StepRun): string {
  if (r.status !== 0) throw new Error(`step failed (exit ${r.status})\n${r.out}`);
  expect(r.out).not.toContain(BOT_TOKEN);
  expect(readFileSync(join(r.dir, '.git/config'), 'utf8')).not.toContain(BOT_TOKEN);
  return r.out;
}

describe('the release train through pull requests, as the generated workflow runs it', () => {
  let train: Train;
  beforeAll(async () => {
    train = await startTrain({ registry: 'local' });
  });
  afterAll(async () => train?.cleanup());

  let cutPoint = '';
  let merged = '';

  it('the 5th: the cut proposes the bump to main and pushes the release branch at the cut point; a rerun changes nothing', async () => {
    cutPoint = git(train.origin, ['rev-parse', 'main']);

    const cut = await train.step(['release-major', '--push', '--date=2026-12-05']);
    ok(cut);
    expect(git(train.origin, ['rev-parse', 'release-5.0.0'])).toBe(cutPoint);
    expect(git(train.origin, ['rev-parse', 'ci/bump-to-6.0.0'])).toBe(git(cut.dir, ['rev-parse', 'main']));
    expect(git(train.origin, ['rev-parse', 'main'])).toBe(cutPoint); // main itself is not pushed
    // main is protected like on GitHub: the direct push the train never makes is refused.
    expect(() => git(cut.dir, ['push', '-q', 'origin', 'main'])).toThrow();
    expect(git(train.origin, ['rev-parse', 'main'])).toBe(cutPoint);
    expect(train.pulls()).toHaveLength(1);
    const bump = train.pulls()[0];
    expect(bump).toMatchObject({ number: 1, title: 'Bump Wasmtime to 6.0.0', headRef: 'ci/bump-to-6.0.0', baseRef: 'main', state: 'open' });
    expect(bump.body).toContain('- workspace: 5.0.0 -> 6.0.0');
    expect(bump.body).toContain('- 0.92: 0.92.0 -> 0.93.0');
    expect(bump.body).toContain('`RELEASES.md`');
    expect(bump.body).toContain('run by @octocat');
    expect(bump.body).toMatch(/On merge: main moves to 6\.0\.0\. release-5\.0\.0 stays at the cut point/);

    const refs = train.refs();
    const rerunCut = ok(await train.step(['release-major', '--push', '--date=2026-12-05']));
    expect(rerunCut).toContain('5.0.0 was already cut');
    expect(rerunCut).toContain('branch unchanged; pull request #1 unchanged');
    expect(train.refs()).toBe(refs);
    expect(train.pulls()).toHaveLength(1);

    await train.merge(1);
    expect(git(train.origin, ['show', 'main:Cargo.toml'])).toContain('version = "6.0.0"');
  });

  it('the 20th: release day proposes the dated RELEASES.md against the release branch; a rerun changes nothing', async () => {
    const day = await train.step(['release-latest', '--push', '--date=2026-12-20']);
    ok(day);
    expect(git(train.origin, ['rev-parse', 'release-5.0.0'])).toBe(cutPoint); // never pushed directly
    expect(git(train.origin, ['rev-parse', 'ci/release-5.0.0'])).toBe(git(day.dir, ['rev-parse', 'release-5.0.0']));
    const release = train.pulls()[1];
    expect(release).toMatchObject({ number: 2, title: 'Release Wasmtime 5.0.0', headRef: 'ci/release-5.0.0', baseRef: 'release-5.0.0' });
    expect(release.body).toContain('"Released 2026-12-20."');
    expect(release.body).toContain('tags v5.0.0');
    const refs = train.refs();
    expect(ok(await train.step(['release-latest', '--push', '--date=2026-12-20']))).toContain('pull request #2 unchanged');
    expect(train.refs()).toBe(refs);
    expect(train.pulls()).toHaveLength(2);

    merged = await train.merge(2);
  });

  it('green CI on the release branch: the merge commit is tagged through the API, once', async () => {
    // The tag job checks out the commit (detached) and names the branch.
    const tag = ok(await train.step(['release-tag', '--branch=release-5.0.0', '--push', '--via=api'], { checkout: merged }));
    expect(tag).toContain('it merges the release commit');
    expect(git(train.origin, ['rev-parse', 'refs/tags/v5.0.0^{commit}'])).toBe(merged);
    expect(ok(await train.step(['release-tag', '--branch=release-5.0.0', '--push', '--via=api'], { checkout: merged }))).toContain(
      'v5.0.0 already exists on bytecodealliance/wasmtime',
    );
    // Without the branch, a detached checkout is not a release branch: no tag, and it says why.
    expect(ok(await train.step(['release-tag'], { checkout: merged }))).toContain('no tag: a detached HEAD is not a release branch');
  });

  it.skipIf(!hasCargo)('the tag publishes every crate in dependency order; a rerun publishes nothing twice', async () => {
    await publish(train, 'v5.0.0');
  });

  it('a fix: the patch is proposed against the release branch, merged (squash) and tagged', async () => {
    const patch = await train.step(['release-patch', '--target=supported', '--push', '--date=2026-12-24']);
    ok(patch);
    const fix = train.pulls()[2];
    expect(fix).toMatchObject({ number: 3, title: 'Release Wasmtime 5.0.1', headRef: 'ci/release-5.0.1', baseRef: 'release-5.0.0' });
    expect(fix.body).toContain('- workspace: 5.0.0 -> 5.0.1');
    expect(git(train.origin, ['rev-parse', 'ci/release-5.0.1'])).toBe(git(patch.dir, ['rev-parse', 'release-5.0.0']));
    const refs = train.refs();
    expect(ok(await train.step(['release-patch', '--target=supported', '--push', '--date=2026-12-24']))).toContain('pull request #3 unchanged');
    expect(train.refs()).toBe(refs);
    const patched = await train.merge(3, 'squash');
    ok(await train.step(['release-tag', '--branch=release-5.0.0', '--push', '--via=api'], { checkout: patched }));
    expect(git(train.origin, ['rev-parse', 'refs/tags/v5.0.1^{commit}'])).toBe(patched);
    expect(git(train.origin, ['show', 'v5.0.1:Cargo.toml'])).toContain('version = "5.0.1"');

    expect(train.pulls().map((p) => [p.number, p.state, !!p.merged])).toEqual([
      [1, 'closed', true],
      [2, 'closed', true],
      [3, 'closed', true],
    ]);
  });

  it('the bot token never appeared in any process argument list while the steps ran', () => {
    expect(train.leaks).toEqual([]);
  });
});

async function publish(train: Train, tag: string): Promise<void> {
  let reg: Registry | undefined;
  const home = mkdtempSync(join(tmpdir(), 'nrt-train-cargo-'));
  try {
    reg = await startRegistry({});
    const env = writeCargoHome(home, reg);
    const dir = train.clone(tag);
    const first = ok(await train.step(['run-many', '-t', 'publish', '--registry=local'], { dir, env }));
    expect(first).toContain('wasmtime@5.0.0: published to registry "local"');
    expect(reg.visible('wasmtime')).toEqual(['5.0.0']);
    const uploads = reg.events.filter((e) => e.method === 'PUT').length;
    const again = ok(await train.step(['run-many', '-t', 'publish', '--registry=local'], { dir, env }));
    expect(again).toContain('wasmtime@5.0.0: skipped, already in registry "local" with the same checksum');
    expect(reg.events.filter((e) => e.method === 'PUT').length).toBe(uploads);
  } finally {
    await reg?.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
