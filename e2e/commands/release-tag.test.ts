import { afterEach, describe, expect, it } from 'vitest';
import { releaseTagCommand } from '../../packages/nx-release-train/src/commands/release-tag';
import { releaseTagFlags } from '../../packages/nx-release-train/src/core/flags/release-tag';
import { runCommand } from '../support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

const tag = (flags: Record<string, unknown> = {}) => runCommand(releaseTagCommand, releaseTagFlags, { root: ws!.dir, flags });

describe('release-tag (in-process)', () => {
  it('tags a release branch whose HEAD carries the marker, once; says why not elsewhere', async () => {
    ws = makeWorkspace({ from: exampleRoot, git: true });
    const onMain = await tag();
    expect(onMain.ok).toBe(true);
    expect(onMain.out).toContain('no tag: "main" is not a release branch');

    ws.git(['switch', '-q', '-c', 'release-5.0.0']);
    const unmarked = await tag();
    expect(unmarked.out).toMatch(/does not carry/);
    expect(ws.git(['tag', '--list'])).toBe('');

    ws.git(['commit', '-q', '--allow-empty', '-m', 'Release Wasmtime 5.0.0\n\n[automatically-tag-and-release-this-commit]']);
    const dry = await tag({ dryRun: true });
    expect(dry.out).toContain('[dry run] would tag');
    expect(ws.git(['tag', '--list'])).toBe('');
    expect((await tag()).out).toContain('as v5.0.0');
    expect(ws.git(['tag', '--list'])).toBe('v5.0.0');
    expect((await tag()).out).toContain('already points at');
  });

  it('refuses an unknown flag naming it', async () => {
    ws = makeWorkspace({ from: exampleRoot, git: true });
    const r = await tag({ brnach: 'x' });
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/brnach/);
  });
});
