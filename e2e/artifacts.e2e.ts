/**
 * `nx release-artifacts` through the real nx CLI: what only Nx does. `--version` is Nx's own
 * flag and reaches the executor through the plugin's preTasksExecution hook; a refusal is a
 * failing exit code. What the command does (builds, archives) is proven
 * in-process in e2e/commands/artifacts.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRoot, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const host = /^host: (\S+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1];

let ws: TempWorkspace;
let targetDir: string;

beforeAll(async () => {
  targetDir = mkdtempSync(join(tmpdir(), 'nrt-artifacts-target-'));
  // The example on release day, but HEAD carries no tag: only --version names the release.
  ws = makeWorkspace({
    from: exampleRoot,
    options: {
      artifacts: { archives: [{ name: 'wasmtime-{tag}-{platform}', entries: [{ crate: 'wasmtime-cli', output: 'bin', name: 'wasmtime' }] }] },
    },
    git: true,
  });
});

afterAll(async () => {
  ws?.cleanup();
  rmSync(targetDir, { recursive: true, force: true });
});

describe('release-artifacts through the real nx CLI', () => {
  it('runs with --version as typed (through the hook); without a release to name, exits non-zero', async () => {
    const env = { CARGO_TARGET_DIR: targetDir, CARGO_NET_OFFLINE: 'true' };
    const dry = await nxAsync(ws.dir, ['release-artifacts', '--dry-run', '--version=5.0.0'], env);
    expect(dry.status, dry.out).toBe(0);
    expect(dry.out).toContain('Dry run of release-artifacts for v5.0.0');
    expect(dry.out).toContain(`cargo build --release --target ${host} -p wasmtime-cli --bin wasmtime`);
    expect(dry.out).toContain('Would not touch GitHub');
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);

    const refused = await nxAsync(ws.dir, ['release-artifacts', '--dry-run'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('HEAD carries no release tag matching "v{version}"');
  });
});
