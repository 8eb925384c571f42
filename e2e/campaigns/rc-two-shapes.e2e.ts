/**
 * A long rehearsal of today's train (SPEC §1b) on Wasmtime's real tree, moved out of
 * e2e/commands/rc.test.ts (it replays six releases of ~100 crates): one main serving an
 * old-shape line (release-48.0.0, cut the classic way) and a new-shape one (release-49.0.0,
 * cut with candidates), both patched from the same main. The commands in-process, real git.
 */
import '../support/setup-git';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { MARKER, message, rcRepo, refusedUnchanged, rewrite, RC_CASE as CASE, show, untouched } from '../support/rc';
import { ok } from '../support/train-cli';
import { makeWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('one main serves an old-shape and a new-shape release line', () => {
  it('release-patch --target=48.x and --target=49.x both work from the same main', async () => {
    // release-48.0.0: the classic shape (plain 48.0.0 cut from a plain main), released.
    const ws = rcRepo(wasmtimePreset, (dir) =>
      rewrite(dir, (t) =>
        t
          .replaceAll('49.0.0-dev', '48.0.0')
          .replaceAll('0.136.0-dev', '0.135.0')
          .replace('WASMTIME_VERSION_MAJOR 49', 'WASMTIME_VERSION_MAJOR 48')
          .replace(/^## 49\.0\.0$/m, '## 48.0.0')
          .replace(/^\* \[48\.0\.x\].*\n/m, ''),
      ),
    );
    cleanups.push(ws.cleanup);
    ws.git(['branch', 'release-48.0.0']);
    await ok(ws, ['release-latest', '--date=2026-08-20']);
    // main moves on to today's train: the real 49.0.0-dev tree.
    const fresh = makeWorkspace({ from: join(CASE, 'before/tree') });
    cleanups.push(fresh.cleanup);
    rewrite(ws.dir, (_t, file) => readFileSync(join(fresh.dir, file.slice(ws.dir.length)), 'utf8'));
    ws.git(['commit', '-qam', 'main moves to 49.0.0-dev']);
    expect(await ok(ws, ['release-major', '--date=2026-09-05'])).toContain('summary: 49.0.0-dev -> 50.0.0-dev');
    await ok(ws, ['release-latest', '--date=2026-09-20']);

    const out48 = await untouched(ws, ['release-patch', '--target=48.x', '--date=2026-10-01']);
    expect(out48).toContain('48.0.0 -> 48.0.1');
    expect(show(ws, 'release-48.0.0', 'Cargo.toml')).toContain('version = "48.0.1"');
    expect(show(ws, 'release-48.0.0', 'cranelift/codegen/Cargo.toml')).toContain('version = "0.135.1"');
    const out49 = await untouched(ws, ['release-patch', '--target=49.x', '--date=2026-10-01']);
    expect(out49).toContain('49.0.0 -> 49.0.1');
    expect(show(ws, 'release-49.0.0', 'crates/c-api/include/wasmtime.h')).toContain('#define WASMTIME_VERSION "49.0.1"');
    expect(message(ws, 'release-48.0.0')).toBe(`Release Wasmtime 48.0.1\n\n${MARKER}`);
    // The old line never had candidates: another one is refused there too.
    expect(await refusedUnchanged(ws, ['release-rc', '--target=48.x'])).toContain('release-48.0.0 is at 48.0.1: the line is released');
  });
});
