import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '../core/model';

// Every manifest read goes through readText: counting them tells a stamp hit from a re-read.
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./workspace-fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./workspace-fs')>();
  return {
    ...actual,
    readText: (root: string, rel: string) => {
      reads.count++;
      return actual.readText(root, rel);
    },
  };
});

/**
 * The stats are taken "a minute after" the tree was written, so the stamp is trusted (see
 * RACY_MS); each change below is made a file-system clock tick after the last, as a change
 * after the stamp is in life.
 */
const later = () => Date.now() + 60_000;
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

let root: string;
let data: string;
const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const crate = (name: string, deps = '') => `[package]\nname = "${name}"\nversion = "1.0.0"\n${deps}`;
const names = (model: Workspace) => model.members.map((c) => `${c.name}@${c.version}`).sort();

/** The module as a new process sees it: nothing in memory, only what is on disk. */
async function fresh() {
  vi.resetModules();
  return import('./workspace-model.js');
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'nrt-model-stamp-'));
  // Outside the tree: creating it would change the root's listing after the first stamp.
  data = mkdtempSync(join(tmpdir(), 'nrt-model-data-'));
  vi.stubEnv('NX_WORKSPACE_DATA_DIRECTORY', data);
  write('Cargo.toml', '[workspace]\nmembers = ["crates/*"]\n');
  write('Cargo.lock', 'version = 4\n');
  write('crates/a/Cargo.toml', crate('a'));
  write('crates/b/Cargo.toml', crate('b', '[dependencies]\na = { path = "../a", version = "1.0.0" }\n'));
  await tick();
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe('the workspace model with nothing changed', () => {
  it('answers from the stamp without reading a manifest, in this process and from disk in a new one', async () => {
    const { workspaceModel } = await fresh();
    const first = workspaceModel(root, { now: later });
    expect(names(first)).toEqual(['a@1.0.0', 'b@1.0.0']);
    reads.count = 0;
    expect(workspaceModel(root, { now: later })).toBe(first);
    const fromDisk = (await fresh()).workspaceModel(root, { now: later });
    expect(fromDisk).toEqual(first);
    expect(reads.count).toBe(0);
  });

  it('checks the same from the workspace root as Nx runs it (paths looked up relative to it)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { workspaceModel } = await fresh();
      const first = workspaceModel(root, { now: later });
      reads.count = 0;
      expect(workspaceModel(root, { now: later })).toBe(first);
      expect(reads.count).toBe(0);
      write('crates/a/Cargo.toml', crate('a').replace('1.0.0', '2.0.0'));
      expect(names(workspaceModel(root, { now: later }))).toEqual(['a@2.0.0', 'b@1.0.0']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('re-reads but does not re-parse when only the times moved', async () => {
    const { workspaceModel } = await fresh();
    const first = workspaceModel(root, { now: later });
    utimesSync(join(root, 'crates/a/Cargo.toml'), new Date(), new Date());
    reads.count = 0;
    expect(workspaceModel(root, { now: later })).toBe(first);
    expect(reads.count).toBeGreaterThan(0);
  });

  it('leaves Cargo.lock out: the model never reads it, so no lock change can change it', async () => {
    const { workspaceModel } = await fresh();
    const first = workspaceModel(root, { now: later });
    write('Cargo.lock', 'version = 4\n\n[[package]]\nname = "a"\nversion = "1.0.0"\n');
    reads.count = 0;
    expect(workspaceModel(root, { now: later })).toBe(first);
    expect(reads.count).toBe(0);
  });
  it("with Nx's list, watches no directory the members patterns do not reach: a new directory elsewhere reads nothing", async () => {
    write('Cargo.toml', '[workspace]\nmembers = ["crates/a", "crates/b"]\n');
    await tick();
    const { graphModel } = await fresh();
    const listed = ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml'];
    const first = graphModel(root, listed, { now: later }).model;
    mkdirSync(join(root, 'docs/notes'), { recursive: true });
    symlinkSync(join(root, 'crates/a'), join(root, 'docs/a'), 'dir');
    reads.count = 0;
    expect(graphModel(root, listed, { now: later }).model).toBe(first);
    expect(reads.count).toBe(0);
  });
});

describe('the workspace model recomputes on every change that decides it', () => {
  it('a manifest edited, in this process and in a new one', async () => {
    const { workspaceModel } = await fresh();
    workspaceModel(root, { now: later });
    write('crates/a/Cargo.toml', crate('a').replace('1.0.0', '2.0.0'));
    expect(names(workspaceModel(root, { now: later }))).toEqual(['a@2.0.0', 'b@1.0.0']);
    await tick();
    write('crates/a/Cargo.toml', crate('a').replace('1.0.0', '3.0.0'));
    expect(names((await fresh()).workspaceModel(root, { now: later }))).toEqual(['a@3.0.0', 'b@1.0.0']);
  });

  it('a member directory added or removed (the listing of its parent)', async () => {
    const { workspaceModel } = await fresh();
    workspaceModel(root, { now: later });
    write('crates/c/Cargo.toml', crate('c'));
    expect(names(workspaceModel(root, { now: later }))).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.0.0']);
    await tick();
    rmSync(join(root, 'crates/c'), { recursive: true });
    expect(names(workspaceModel(root, { now: later }))).toEqual(['a@1.0.0', 'b@1.0.0']);
  });

  it('a manifest added deep in an existing directory (a nested listing)', async () => {
    write('Cargo.toml', '[workspace]\nmembers = ["crates/**"]\n');
    await tick();
    const { workspaceModel } = await fresh();
    workspaceModel(root, { now: later });
    write('crates/a/examples/Cargo.toml', crate('a-examples'));
    expect(names(workspaceModel(root, { now: later }))).toContain('a-examples@1.0.0');
  });

  it('the root manifest: members and [workspace] settings', async () => {
    const { workspaceModel } = await fresh();
    workspaceModel(root, { now: later });
    write('Cargo.toml', '[workspace]\nmembers = ["crates/a"]\n');
    expect(names(workspaceModel(root, { now: later }))).toEqual(['a@1.0.0']);
  });

  it("a path dependency's manifest appearing where none was (a read that found nothing)", async () => {
    // A directory the walk skips (dot directories, target, dist): no listing stamps it, the read does.
    mkdirSync(join(root, '.vendor/x'), { recursive: true });
    write('crates/b/Cargo.toml', crate('b', '[dependencies]\nx = { path = "../../.vendor/x" }\n'));
    await tick();
    const { workspaceModel } = await fresh();
    expect(workspaceModel(root, { now: later }).diagnostics).toEqual([expect.objectContaining({ file: 'crates/b/Cargo.toml' })]);
    write('.vendor/x/Cargo.toml', crate('x'));
    const model = workspaceModel(root, { now: later });
    expect(model.diagnostics).toEqual([]);
    expect(names(model)).toContain('x@1.0.0');
  });

  it('a member reached through a new symbolic link, when Nx lists the manifests', async () => {
    const { graphModel } = await fresh();
    const listed = ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml'];
    write('elsewhere/d/Cargo.toml', crate('d'));
    await tick();
    graphModel(root, [...listed, 'elsewhere/d/Cargo.toml'], { now: later });
    expect(graphModel(root, listed, { now: later }).linked).toEqual([]);
    await tick();
    symlinkSync(join(root, 'elsewhere/d'), join(root, 'crates/d'), 'dir');
    const { model, linked } = graphModel(root, listed, { now: later });
    expect(linked).toEqual(['crates/d/Cargo.toml']);
    expect(names(model)).toContain('d@1.0.0');
    await tick();
    unlinkSync(join(root, 'crates/d'));
    expect(graphModel(root, listed, { now: later }).linked).toEqual([]);
  });

  it('a model reused by its texts (the tree back to an earlier state) looks for links with its own patterns again', async () => {
    const { graphModel } = await fresh();
    const listed = ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml'];
    write('elsewhere/d/Cargo.toml', crate('d'));
    await tick();
    graphModel(root, listed, { now: later }); // members = ["crates/*"]
    await tick();
    write('Cargo.toml', '[workspace]\nmembers = ["crates/a", "crates/b"]\n');
    graphModel(root, listed, { now: later });
    await tick();
    write('Cargo.toml', '[workspace]\nmembers = ["crates/*"]\n');
    expect(graphModel(root, listed, { now: later }).linked).toEqual([]);
    await tick();
    symlinkSync(join(root, 'elsewhere/d'), join(root, 'crates/d'), 'dir');
    expect(graphModel(root, listed, { now: later }).linked).toEqual(['crates/d/Cargo.toml']);
  });

  it('an explicit member made a symbolic link, when Nx lists the manifests (its manifest path is watched)', async () => {
    write('Cargo.toml', '[workspace]\nmembers = ["crates/a", "crates/b", "crates/e"]\n');
    write('elsewhere/e/Cargo.toml', crate('e'));
    await tick();
    const { graphModel } = await fresh();
    const listed = ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml', 'elsewhere/e/Cargo.toml'];
    expect(graphModel(root, listed, { now: later }).model.diagnostics).toEqual([expect.objectContaining({ message: expect.stringContaining('"crates/e"') })]);
    await tick();
    symlinkSync(join(root, 'elsewhere/e'), join(root, 'crates/e'), 'dir');
    const { model, linked } = graphModel(root, listed, { now: later });
    expect(linked).toEqual(['crates/e/Cargo.toml']);
    expect(names(model)).toContain('e@1.0.0');
  });

  it('a path dependency through a symbolic link is a linked member, when Nx lists the manifests', async () => {
    write('vendor/x/Cargo.toml', crate('x'));
    symlinkSync(join(root, 'vendor/x'), join(root, 'crates/x'), 'dir');
    write('crates/b/Cargo.toml', crate('b', '[dependencies]\nx = { path = "../x" }\n'));
    await tick();
    const { graphModel } = await fresh();
    const { model, linked } = graphModel(root, ['Cargo.toml', 'crates/a/Cargo.toml', 'crates/b/Cargo.toml', 'vendor/x/Cargo.toml'], { now: later });
    expect(names(model)).toContain('x@1.0.0');
    expect(linked).toEqual(['crates/x/Cargo.toml']);
  });

  it('a stamp taken right after a change is not trusted: a same-size edit in the same clock tick is still seen', async () => {
    const { workspaceModel } = await fresh();
    write('crates/a/Cargo.toml', crate('a'));
    expect(names(workspaceModel(root))).toEqual(['a@1.0.0', 'b@1.0.0']);
    write('crates/a/Cargo.toml', crate('a').replace('1.0.0', '1.0.1'));
    expect(names(workspaceModel(root))).toEqual(['a@1.0.1', 'b@1.0.0']);
  });
});
