/** Wasmtime's main at 49.0.0-dev (the rc-49.0.0-rc.1 golden case) as a test repository. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { cachedRepo } from './fixtures';
import { repoState } from './state';
import { ok, refused } from './train-cli';
import { fixturesRoot, makeWorkspace, type TempWorkspace } from './workspace';

export const RC_CASE = join(fixturesRoot, 'rc-49.0.0-rc.1');

/** Applies `fn` to every Cargo.toml, Cargo.lock, RELEASES.md and header under `dir`. */
export function rewrite(dir: string, fn: (text: string, file: string) => string): void {
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (['.git', 'node_modules'].includes(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^(Cargo\.toml|Cargo\.lock|RELEASES\.md|wasmtime\.h)$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        const next = fn(text, p);
        if (next !== text) writeFileSync(p, next);
      }
    }
  };
  walk(dir);
}

/**
 * The before tree with `options`, edited by `edit`, committed as main. Cached per run: the
 * key is the options and the edit's source text (every edit in the tests is self-contained).
 */
export function rcRepo(options: Record<string, unknown> = wasmtimePreset, edit?: (dir: string) => void): TempWorkspace {
  return cachedRepo(`rc ${JSON.stringify(options)} ${edit?.toString() ?? ''}`, () => {
    const ws = makeWorkspace({ from: join(RC_CASE, 'before/tree'), options });
    edit?.(ws.dir);
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'main at 49.0.0-dev']);
    return ws;
  });
}

export const MARKER = '[automatically-tag-and-release-this-commit]';
export const show = (ws: TempWorkspace, rev: string, file: string) => ws.git(['show', `${rev}:${file}`]);
export const message = (ws: TempWorkspace, rev: string) => ws.git(['log', '-1', '--format=%B', rev]);

/** Runs a command and checks that the checkout (files, index, HEAD) and main stayed as they were. */
export async function untouched(ws: TempWorkspace, args: string[]): Promise<string> {
  const before = repoState(ws);
  const main = ws.git(['rev-parse', 'main']);
  const out = await ok(ws, args);
  const after = repoState(ws);
  expect(after.files).toEqual(before.files);
  expect(after.status).toBe(before.status);
  expect(after.head).toBe(before.head);
  expect(ws.git(['rev-parse', 'main'])).toBe(main);
  return out;
}

/** Runs a refused command; nothing on disk or in git may change. */
export async function refusedUnchanged(ws: TempWorkspace, args: string[]): Promise<string> {
  const before = repoState(ws);
  const out = await refused(ws, args);
  expect(repoState(ws)).toEqual(before);
  return out;
}
