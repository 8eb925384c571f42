/**
 * The train's command line through the real nx CLI, beyond e2e/train.e2e.ts: release-rc with
 * `--target` handed on by the preTasksExecution hook, `--help` from each executor's schema, a
 * graph diagnostic (a member behind a symbolic link), and a publish flag refused through
 * `run-many` (publish is not in-process yet).
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlagSchema } from '../packages/nx-release-train/src/core/flags/define';
import { releaseLatestFlags } from '../packages/nx-release-train/src/core/flags/release-latest';
import { releaseMajorFlags } from '../packages/nx-release-train/src/core/flags/release-major';
import { releasePatchFlags } from '../packages/nx-release-train/src/core/flags/release-patch';
import { releaseRcFlags } from '../packages/nx-release-train/src/core/flags/release-rc';
import { releaseTagFlags } from '../packages/nx-release-train/src/core/flags/release-tag';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { exampleRepo, symlinkedMemberRepo } from './support/fixtures';
import { refusedLikeInProcess } from './support/nx-refusal';
import { RC_CASE, rcRepo } from './support/rc';
import { ok } from './support/train-cli';
import { nxOk, nxRefused } from './support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const FLAGS: Record<string, FlagSchema> = {
  'release-major': releaseMajorFlags,
  'release-latest': releaseLatestFlags,
  'release-patch': releasePatchFlags,
  'release-rc': releaseRcFlags,
  'release-tag': releaseTagFlags,
};

// Nx prints --help from the executor's schema.json; that every schema.json is generated from its
// zod flags is proven once for all executors by core/flags/flags.spec.ts. One executor shows Nx
// reads it: release-patch, the one with the most flags.
describe('the train executors in --help', () => {
  it.each(['release-patch'])('nx %s --help names the executor and every flag', (name) => {
    const ws = exampleRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    const help = nxOk(ws, [name, '--help']);
    expect(help).toContain(`Executor:  nx-release-train:${name}`);
    for (const flag of Object.keys(FLAGS[name].schema.shape)) expect(help, flag).toMatch(new RegExp(`--${flag}\\s`));
  });
});

describe('around the train', () => {
  it('a member behind a symbolic link is reported by the graph, not silent', () => {
    const ws = symlinkedMemberRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    // Nx cannot host a project behind a link (it neither lists nor hashes its files).
    expect(nxOk(ws, ['show', 'projects'])).toContain('crate cranelift-entity is a workspace member through a symbolic link (cranelift/entity)');
  });

  it("--registry='x;y' is blamed on the flag, not on a setting", () => {
    const ws = exampleRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    const out = nxRefused(ws, ['run-many', '-t', 'publish', '--registry=x;y', '--dry-run']);
    expect(out).toContain('--registry="x;y" is not a cargo registry name');
    expect(out).not.toContain('setting "registry"');
  });
});

describe.skipIf(!existsSync(RC_CASE))('release-rc through nx', () => {
  it('--target through the hook makes rc.2 and exits 0; a line that does not exist exits non-zero', async () => {
    const ws = rcRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    await ok(ws, ['release-major', '--date=2026-09-05']);
    await refusedLikeInProcess(ws, ['release-rc', '--target=48.x']);
    expect(nxOk(ws, ['release-rc', '--target=49.x'])).toContain('summary: release-49.0.0 49.0.0-rc.1 -> 49.0.0-rc.2');
    expect(ws.git(['log', '-1', '--format=%s', 'release-49.0.0'])).toBe('Release Wasmtime 49.0.0-rc.2');
  });
});
