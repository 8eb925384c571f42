/**
 * Release lines as Cargo sees them, the commands in-process with real git and cargo, no preset:
 * every `--target` form of a 0.x line patches exactly that branch; a wgpu-shaped workspace
 * (one 0.19 line diverged in patch, a crate on its own 0.110 line kept still) is cut to
 * 0.20.0 with Cargo agreeing; a Bevy-shaped dry run prints no requirement policy warnings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoState } from '../support/state';
import { ok, refused } from '../support/train-cli';
import { makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
if (!hasCargo) console.warn('lines.test: skipped, `cargo` is not on PATH');

function write(ws: TempWorkspace, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws.dir, file)), { recursive: true });
    writeFileSync(join(ws.dir, file), text);
  }
}

const read = (ws: TempWorkspace, file: string) => readFileSync(join(ws.dir, file), 'utf8');

function cargo(ws: TempWorkspace, args: string[]): string {
  const r = spawnSync('cargo', args, { cwd: ws.dir, encoding: 'utf8', env: { ...process.env, CARGO_NET_OFFLINE: 'true' } });
  if (r.status !== 0) throw new Error(`cargo ${args.join(' ')} failed\n${r.stderr}`);
  return r.stdout;
}

/** A small 0.x workspace at `version`: `core` inherits it, `util` carries it literally. */
function zeroWorkspace(version: string): Record<string, string> {
  return {
    'Cargo.toml': `[workspace]\nmembers = ["core", "util"]\nresolver = "2"\n\n[workspace.package]\nversion = "${version}"\n`,
    'core/Cargo.toml': `[package]\nname = "zcore"\nversion.workspace = true\nedition = "2021"\n\n[dependencies]\nzutil = { path = "../util", version = "${version.split('.').slice(0, 2).join('.')}" }\n`,
    'core/src/lib.rs': '',
    'util/Cargo.toml': `[package]\nname = "zutil"\nversion = "${version}"\nedition = "2021"\n`,
    'util/src/lib.rs': '',
  };
}

describe.skipIf(!hasCargo)('0.x release lines: release-0.18.0 and release-0.19.0, main at 0.20.0', () => {
  let ws: TempWorkspace;
  const tips: Record<string, string> = {};
  beforeAll(async () => {
    ws = makeWorkspace({});
    cleanups.push(ws.cleanup);
    ws.git(['init', '-q', '-b', 'main']);
    for (const version of ['0.18.0', '0.19.0', '0.20.0']) {
      write(ws, zeroWorkspace(version));
      cargo(ws, ['generate-lockfile', '--offline']);
      ws.git(['add', '-A']);
      ws.git(['commit', '-q', '-m', `at ${version}`]);
      if (version !== '0.20.0') ws.git(['branch', `release-${version}`]);
    }
    for (const b of ['release-0.18.0', 'release-0.19.0']) tips[b] = ws.git(['rev-parse', b]);
  });

  it.each([
    ['0.18.x', 'release-0.18.0'],
    ['0.18', 'release-0.18.0'],
    ['0.18.0', 'release-0.18.0'],
    ['release-0.18.0', 'release-0.18.0'],
    ['0.19.x', 'release-0.19.0'],
    ['0.19', 'release-0.19.0'],
    ['0.19.0', 'release-0.19.0'],
    ['release-0.19.0', 'release-0.19.0'],
  ])('--target=%s patches exactly %s and nothing else', async (target, branch) => {
    const before = repoState(ws);
    const out = await ok(ws, ['release-patch', `--target=${target}`, '--date=2026-12-01']);
    const version = branch.replace('release-', '');
    const next = version.replace(/\.0$/, '.1');
    expect(out).toContain(`patch ${branch}`);
    expect(out).toContain(`${version} -> ${next}`);
    const after = repoState(ws);
    expect(after.files).toEqual(before.files);
    expect(after.head).toBe(before.head);
    const moved = after.refs.split('\n').filter((r) => !before.refs.split('\n').includes(r));
    expect(moved.map((r) => r.split(' ')[0])).toEqual([`refs/heads/${branch}`]);
    expect(ws.git(['rev-parse', `${branch}^`])).toBe(tips[branch]);
    expect(ws.git(['show', `${branch}:util/Cargo.toml`])).toContain(`version = "${next}"`);
    expect(ws.git(['show', `${branch}:Cargo.lock`])).toContain(`name = "zutil"\nversion = "${next}"`);
    // Put the branch back for the next form.
    ws.git(['update-ref', `refs/heads/${branch}`, tips[branch]]);
  });

  it('refuses 0.x (two lines match), listing the candidates, and changes nothing', async () => {
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=0.x']);
    expect(out).toContain('--target=0.x is ambiguous: it matches 0.19.x (release-0.19.0), 0.18.x (release-0.18.0)');
    expect(await refused(ws, ['release-patch', '--target=0.17.x'])).toContain(
      'there is no 0.17.x release line; existing lines: 0.19.x (release-0.19.0), 0.18.x (release-0.18.0)',
    );
    expect(repoState(ws)).toEqual(before);
  });
});

/** wgpu v0.19 in miniature: naga 0.19.2, wgpu-core 0.19.3, wgpu-types 0.19.2, deno_webgpu 0.110.0. */
const WGPU: Record<string, string> = {
  'Cargo.toml': `[workspace]
resolver = "2"
members = ["wgpu", "wgpu-core", "wgpu-types", "naga", "deno_webgpu"]

[workspace.package]
edition = "2021"
version = "0.19.3"

[workspace.dependencies]
naga = { path = "./naga", version = "0.19.0" }
wgpu-core = { path = "./wgpu-core", version = "0.19.3" }
wgpu-types = { path = "./wgpu-types", version = "0.19" }
`,
  'wgpu/Cargo.toml': `[package]
name = "wgpu"
version.workspace = true
edition.workspace = true

[dependencies]
wgpu-core.workspace = true
wgpu-types.workspace = true
naga = { workspace = true }
`,
  'wgpu-core/Cargo.toml': `[package]
name = "wgpu-core"
version = "0.19.3"
edition.workspace = true

[dependencies]
naga = { path = "../naga", version = "0.19" }
wgt = { package = "wgpu-types", path = "../wgpu-types", version = "0.19.2" }
`,
  'wgpu-types/Cargo.toml': '[package]\nname = "wgpu-types"\nversion = "0.19.2"\nedition.workspace = true\n',
  'naga/Cargo.toml': '[package]\nname = "naga"\nversion = "0.19.2"\nedition.workspace = true\n',
  'deno_webgpu/Cargo.toml': `[package]
name = "deno_webgpu"
version = "0.110.0"
edition.workspace = true

[dependencies]
wgpu-core = { workspace = true }
wgpu-types = { workspace = true }
`,
};

describe.skipIf(!hasCargo)('a wgpu-shaped workspace cut to 0.20.0', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = makeWorkspace({ options: { versionLines: { fixed: ['deno_webgpu'] } } });
    cleanups.push(ws.cleanup);
    write(ws, WGPU);
    for (const dir of ['wgpu', 'wgpu-core', 'wgpu-types', 'naga', 'deno_webgpu']) write(ws, { [`${dir}/src/lib.rs`]: '' });
    cargo(ws, ['generate-lockfile', '--offline']);
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'wgpu 0.19.3']);
  });

  it('aligns the diverged 0.19 line on 0.20.0, keeps deno_webgpu, rewrites requirements at their precision', async () => {
    const out = await ok(ws, ['release-major']);
    expect(out).toContain('line workspace: 0.19.3 -> 0.20.0');
    expect(out).toContain('line 0.19: 0.19.3 -> 0.20.0 (3 crates)');
    expect(out).not.toContain('0.110');
    expect(out).not.toMatch(/warning/i);
    expect(ws.git(['rev-parse', 'release-0.19.3'])).toBe(ws.git(['rev-parse', 'main^']));
    expect(read(ws, 'Cargo.toml')).toBe(
      WGPU['Cargo.toml']
        .replace('version = "0.19.3"\n', 'version = "0.20.0"\n')
        .replace('"0.19.0" }', '"0.20.0" }')
        .replace('"0.19.3" }', '"0.20.0" }')
        .replace('"0.19" }', '"0.20" }'),
    );
    expect(read(ws, 'wgpu-core/Cargo.toml')).toBe(
      WGPU['wgpu-core/Cargo.toml'].replace('"0.19.3"', '"0.20.0"').replace('"0.19" }', '"0.20" }').replace('"0.19.2" }', '"0.20.0" }'),
    );
    expect(read(ws, 'naga/Cargo.toml')).toContain('version = "0.20.0"');
    expect(read(ws, 'wgpu-types/Cargo.toml')).toContain('version = "0.20.0"');
    expect(read(ws, 'deno_webgpu/Cargo.toml')).toBe(WGPU['deno_webgpu/Cargo.toml']);
    // Cargo agrees: every requirement resolves to the new versions and the lock file is current.
    const meta = JSON.parse(cargo(ws, ['metadata', '--offline', '--locked', '--format-version', '1']));
    const versions = Object.fromEntries(meta.packages.map((p: { name: string; version: string }) => [p.name, p.version]));
    expect(versions).toEqual({ wgpu: '0.20.0', 'wgpu-core': '0.20.0', 'wgpu-types': '0.20.0', naga: '0.20.0', deno_webgpu: '0.110.0' });
    expect(ws.git(['status', '--porcelain'])).toBe('');
  });

  it('refuses a stale requirement with file, line and fix, changing nothing', async () => {
    write(ws, { 'naga/Cargo.toml': read(ws, 'naga/Cargo.toml') + '\n[dev-dependencies]\nwgpu-types = { path = "../wgpu-types", version = "=0.19.2" }\n' });
    ws.git(['commit', '-qam', 'a stale pin']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toContain(
      'naga/Cargo.toml:7: error: requirement on wgpu-types in [dev-dependencies] is "=0.19.2", which the current version 0.20.0 of wgpu-types does not satisfy (a stale requirement)',
    );
    expect(out).toContain('fix: require "0.20.0" (or "=0.20.0")');
    expect(repoState(ws)).toEqual(before);
  });
});

/** Bevy in miniature: the root package and 30 crates at one literal 0.x version `v`, caret-less requirements everywhere. */
function bevyShaped(v = '0.19.0'): Record<string, string> {
  const names = Array.from({ length: 30 }, (_, i) => `bevy_part${i}`);
  const files: Record<string, string> = {
    'Cargo.toml': `[package]\nname = "bevy"\nversion = "${v}"\nedition = "2021"\n\n[workspace]\nmembers = ["crates/*", "examples/*"]\n\n[dependencies]\n${names.map((n) => `${n} = { path = "crates/${n}", version = "${v}" }`).join('\n')}\n`,
    'src/lib.rs': '',
    // A process document, not release notes: left alone.
    'RELEASES.md': '# Release process\n\n1. Bump the version on main.\n2. Write the blog post.\n',
    'examples/demo/Cargo.toml': `[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\nbevy = { path = "../..", version = "${v}" }\n`,
    'examples/demo/src/lib.rs': '',
  };
  names.forEach((n, i) => {
    const dep = i > 0 ? `\n[dependencies]\n${names[i - 1]} = { path = "../${names[i - 1]}", version = "${v}" }\n` : '';
    files[`crates/${n}/Cargo.toml`] = `[package]\nname = "${n}"\nversion = "${v}"\nedition = "2021"\n${dep}`;
    files[`crates/${n}/src/lib.rs`] = '';
  });
  return files;
}

describe.skipIf(!hasCargo)('a Bevy-shaped workspace without preset', () => {
  it('plans the cut with no requirement policy warnings, leaving a RELEASES.md of another shape alone (said once)', async () => {
    const ws = makeWorkspace({});
    cleanups.push(ws.cleanup);
    write(ws, bevyShaped());
    cargo(ws, ['generate-lockfile', '--offline']);
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'bevy 0.19.0']);
    const before = repoState(ws);
    const out = await ok(ws, ['release-major', '--dry-run']);
    expect(out).toContain('line 0.19: 0.19.0 -> 0.20.0 (31 crates)');
    expect(out).not.toMatch(/caret|publicCrates|pins "="/);
    expect(out.match(/warning: /g)).toHaveLength(1);
    expect(out).toContain('1 warning:');
    expect(out).toContain('RELEASES.md: warning: left alone');
    expect(out).toContain('+bevy_part29 = { path = "crates/bevy_part29", version = "0.20.0" }');
    expect(out).not.toContain('+++ b/RELEASES.md');
    expect(out).not.toContain('-version = "0.1.0"');
    expect(repoState(ws)).toEqual(before);
  });

  it('cuts a -dev main exactly as Bevy\'s "Bump Version after Release": every crate and requirement to 0.20.0-dev, silently', async () => {
    const ws = makeWorkspace({});
    cleanups.push(ws.cleanup);
    const { 'RELEASES.md': _notes, ...dev } = bevyShaped('0.19.0-dev');
    // Like Bevy, no Cargo.lock is committed.
    write(ws, { ...dev, '.gitignore': `${existsSync(join(ws.dir, '.gitignore')) ? read(ws, '.gitignore') : ''}/target\nCargo.lock\n` });
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'bevy 0.19.0-dev']);
    const head = ws.git(['rev-parse', 'HEAD']);
    const out = await ok(ws, ['release-major']);
    expect(out).not.toMatch(/warning/i);
    expect(out).toContain('line 0.19: 0.19.0-dev -> 0.20.0-dev (31 crates)');
    // The release branch is cut at HEAD, named without -dev, and (no candidates) keeps 0.19.0-dev.
    expect(ws.git(['rev-parse', 'release-0.19.0'])).toBe(head);
    expect(ws.git(['branch', '--list', '*-dev*'])).toBe('');
    expect(ws.git(['rev-parse', 'main^'])).toBe(head);
    expect(ws.git(['show', 'release-0.19.0:crates/bevy_part7/Cargo.toml'])).toBe(dev['crates/bevy_part7/Cargo.toml'].trimEnd());
    // Main: every manifest is the -dev tree one version on; the private example keeps 0.1.0.
    const next = bevyShaped('0.20.0-dev');
    for (const file of Object.keys(dev).filter((f) => f.endsWith('Cargo.toml'))) expect(read(ws, file), file).toBe(next[file]);
    expect(read(ws, 'examples/demo/Cargo.toml')).toContain('version = "0.1.0"');
    expect(ws.git(['diff', '--name-only', 'main^', 'main']).split('\n')).toEqual([
      'Cargo.toml',
      ...Array.from({ length: 30 }, (_, i) => `crates/bevy_part${i}/Cargo.toml`).sort(),
      'examples/demo/Cargo.toml',
    ]);
    // Cargo agrees: every requirement resolves and every crate is at the next -dev version.
    const meta = JSON.parse(cargo(ws, ['metadata', '--offline', '--format-version', '1']));
    const versions = new Set(meta.packages.filter((p: { name: string }) => p.name !== 'demo').map((p: { version: string }) => p.version));
    expect([...versions]).toEqual(['0.20.0-dev']);
    expect(ws.git(['status', '--porcelain'])).toBe('');
  });
});
