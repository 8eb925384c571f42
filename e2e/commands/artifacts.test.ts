/**
 * release-artifacts in-process on the bundled example: real cargo (offline), real xz and tar, a
 * C program compiled with cc against the packaged library; then the workflow's last step,
 * release-assets, publishes the host's archives and a second platform's (prepared here) on one
 * release through the real Octokit client against the local API server, with immutable
 * releases on. One cargo target directory is shared by every case so the example is compiled
 * once per version. (e2e/artifacts.e2e.ts: the real nx.)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseArtifactsCommand } from '../../packages/nx-release-train/src/commands/release-artifacts';
import { releaseArtifactsFlags } from '../../packages/nx-release-train/src/core/flags/release-artifacts';
import { releaseAssetsCommand } from '../../packages/nx-release-train/src/commands/release-assets';
import { releaseAssetsFlags } from '../../packages/nx-release-train/src/core/flags/release-assets';
import { startGitHubApi, type GitHubApi } from '../../tools/local-github';
import { runCommand } from '../support/command';
import { writePlatformFiles } from '../support/release-files';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const TOKEN = 'artifacts-e2e-token';
const CLI = 'wasmtime-v5.0.0-x86_64-linux';
const CAPI = 'wasmtime-v5.0.0-x86_64-linux-c-api';
const ASSETS = [`${CAPI}.tar.xz`, `${CAPI}.tar.xz.sha256`, `${CLI}.tar.xz`, `${CLI}.tar.xz.sha256`];

// The example's crates, laid out as Wasmtime lays out its release archives.
const options = {
  githubRepository: 'bytecodealliance/wasmtime',
  artifacts: {
    archives: [
      { name: 'wasmtime-{tag}-{platform}', entries: [{ crate: 'wasmtime-cli', output: 'bin', name: 'wasmtime' }, { path: 'LICENSE' }, { path: 'README.md' }] },
      {
        name: 'wasmtime-{tag}-{platform}-c-api',
        entries: [
          { path: 'LICENSE' },
          { path: 'README.md' },
          { path: 'crates/c-api/include', to: 'include' },
          { crate: 'wasmtime-c-api', output: 'staticlib', to: 'lib' },
          { crate: 'wasmtime-c-api', output: 'cdylib', to: 'lib' },
        ],
      },
    ],
    // The fastest preset: the example's static library is ~20 MB; xz -9 takes ~20 s for it, -0
    // about half of what -1 takes. The level only reaches xz's argument list.
    compression: 0,
  },
};

const host = /^host: (\S+)$/m.exec(execFileSync('rustc', ['-vV'], { encoding: 'utf8' }))![1];
const onLinuxX64 = host === 'x86_64-unknown-linux-gnu';

let api: GitHubApi;
let targetDir: string;
const saved = { ...process.env };
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  targetDir = mkdtempSync(join(tmpdir(), 'nrt-artifacts-target-'));
  process.env.CARGO_TARGET_DIR = targetDir;
  process.env.CARGO_NET_OFFLINE = 'true';
  api = await startGitHubApi({ token: TOKEN, repos: { 'bytecodealliance/wasmtime': { immutableReleases: true } } });
});

afterAll(async () => {
  process.env = saved;
  await api?.stop();
  cleanups.forEach((c) => c());
  rmSync(targetDir, { recursive: true, force: true });
});

/** A git copy of the example on release day, tagged `v<version>`. */
function releasedExample(version?: string): TempWorkspace {
  const ws = makeWorkspace({ from: exampleRoot, options });
  cleanups.push(ws.cleanup);
  ws.git(['init', '-q', '-b', 'release-5.0.0']);
  if (version) setVersion(ws.dir, '5.0.0', version);
  const notes = join(ws.dir, 'RELEASES.md');
  const text = readFileSync(notes, 'utf8').replace('Unreleased.', 'Released 2026-01-20.');
  writeFileSync(notes, version ? text.replace('## 5.0.0', `## ${version}`) : text);
  ws.git(['add', '-A']);
  ws.git(['commit', '-q', '-m', 'Release Wasmtime']);
  ws.git(['tag', `v${version ?? '5.0.0'}`]);
  return ws;
}

/** Moves the workspace line the simple way: every occurrence in manifests, lock and header. */
function setVersion(dir: string, from: string, to: string): void {
  const files = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: dir, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /(^|\/)(Cargo\.toml|Cargo\.lock|wasmtime\.h)$/.test(f));
  for (const f of files) {
    const p = join(dir, f);
    writeFileSync(p, readFileSync(p, 'utf8').replaceAll(from, to));
  }
}

interface Run {
  success: boolean;
  out: string;
}

/** Runs the command as execute() would, with `env` as its whole environment, capturing its log. */
async function run(ws: TempWorkspace, flags: Record<string, unknown>, env: Record<string, string | undefined>, settings?: unknown): Promise<Run> {
  const r = await runCommand(releaseArtifactsCommand, releaseArtifactsFlags, { root: ws.dir, flags, env, settings });
  return { success: r.ok, out: r.out };
}

/** The workflow's last job: release-assets for the host and a second platform. */
async function publish(ws: TempWorkspace): Promise<Run> {
  const r = await runCommand(releaseAssetsCommand, releaseAssetsFlags, { root: ws.dir, flags: { targets: `${host},aarch64-apple-darwin` }, env: gh() });
  return { success: r.ok, out: r.out };
}

const gh = () => ({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const writes = (from: number) => api.state.requests.slice(from).filter((r) => r.method !== 'GET');
const releases = () => api.state.repo('bytecodealliance/wasmtime')!.releases;

function unpack(archive: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-unpack-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('tar', ['-xJf', archive, '-C', dir]);
  return dir;
}

function listing(archive: string): string[] {
  return execFileSync('tar', ['-tJf', archive], { encoding: 'utf8' }).trim().split('\n');
}

describe.skipIf(!onLinuxX64)('release-artifacts on the example (x86_64 Linux host)', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = releasedExample();
  });

  it('builds both archives (a C program links the packaged library) and never talks to GitHub, token or not', async () => {
    const r = await run(ws, {}, { GITHUB_API_URL: api.url });
    expect(r.success, r.out).toBe(true);
    const dist = join(ws.dir, 'dist');
    expect(readdirSync(dist).sort()).toEqual(ASSETS);
    for (const name of [CLI, CAPI]) {
      const archive = join(dist, `${name}.tar.xz`);
      expect(readFileSync(`${archive}.sha256`, 'utf8')).toBe(`${sha256(archive)}  ${name}.tar.xz\n`);
    }

    expect(listing(join(dist, `${CLI}.tar.xz`))).toEqual([`${CLI}/`, `${CLI}/LICENSE`, `${CLI}/README.md`, `${CLI}/wasmtime`]);
    expect(listing(join(dist, `${CAPI}.tar.xz`))).toEqual([
      `${CAPI}/`,
      `${CAPI}/LICENSE`,
      `${CAPI}/README.md`,
      `${CAPI}/include/`,
      `${CAPI}/include/wasmtime.h`,
      `${CAPI}/include/wasmtime/`,
      `${CAPI}/include/wasmtime/extra.h`,
      `${CAPI}/lib/`,
      `${CAPI}/lib/libwasmtime.a`,
      `${CAPI}/lib/libwasmtime.so`,
    ]);

    const cli = join(unpack(join(dist, `${CLI}.tar.xz`)), CLI);
    expect(execFileSync(join(cli, 'wasmtime'), { encoding: 'utf8' }).trim()).toBe('wasmtime 5.0.0');

    const capi = join(unpack(join(dist, `${CAPI}.tar.xz`)), CAPI);
    const header = readFileSync(join(capi, 'include/wasmtime.h'), 'utf8');
    for (const line of [
      '#define WASMTIME_VERSION "5.0.0"',
      '#define WASMTIME_VERSION_MAJOR 5',
      '#define WASMTIME_VERSION_MINOR 0',
      '#define WASMTIME_VERSION_PATCH 0',
    ]) {
      expect(header).toContain(line);
    }
    const program = join(capi, 'main.c');
    writeFileSync(
      program,
      [
        '#include <stdio.h>',
        '#include <string.h>',
        '#include <wasmtime.h>',
        'int main(void) {',
        '  if (strcmp(wasmtime_example_version(), WASMTIME_VERSION) != 0) return 2;',
        '  printf("%d %s %u\\n", wasmtime_example_add(40, 2), wasmtime_example_version(), wasmtime_example_max_pages());',
        '  return 0;',
        '}',
      ].join('\n'),
    );
    const staticProg = join(capi, 'prog-static');
    execFileSync('cc', [program, '-I', join(capi, 'include'), join(capi, 'lib/libwasmtime.a'), '-lpthread', '-ldl', '-lm', '-o', staticProg]);
    const printed = execFileSync(staticProg, { encoding: 'utf8' }).trim();
    expect(printed).toMatch(/^42 5\.0\.0 \d+$/);
    const sharedProg = join(capi, 'prog-shared');
    execFileSync('cc', [program, '-I', join(capi, 'include'), '-L', join(capi, 'lib'), '-lwasmtime', `-Wl,-rpath,${join(capi, 'lib')}`, '-o', sharedProg]);
    expect(execFileSync(sharedProg, { encoding: 'utf8' }).trim()).toBe(printed);
    expect(execFileSync('ldd', [sharedProg], { encoding: 'utf8' })).toContain(join(capi, 'lib/libwasmtime.so'));

    expect(api.state.requests).toEqual([]);
  });

  it("the host's and a second platform's archives end on one immutable release, published once, nothing refused", async () => {
    const second = writePlatformFiles(ws.dir, 'v5.0.0', ['aarch64-macos']);
    const r = await publish(ws);
    expect(r.success, r.out).toBe(true);
    expect(releases()).toHaveLength(1);
    const [release] = releases();
    expect([release.tagName, release.name, release.prerelease, release.draft]).toEqual(['v5.0.0', 'v5.0.0', false, false]);
    const notes = readFileSync(join(ws.dir, 'RELEASES.md'), 'utf8');
    expect(release.body).toBe(notes.slice(0, notes.indexOf('-'.repeat(80))).trim());
    expect(release.body).toMatch(/^## 5\.0\.0\n\nReleased 2026-01-20\./);
    expect(release.assets.map((a) => a.name).sort()).toEqual([...ASSETS, ...second].sort());
    for (const a of release.assets) expect(a.digest).toBe(`sha256:${sha256(join(ws.dir, 'dist', a.name))}`);
    // Created as a draft, published by the one PATCH after the last upload; no request refused.
    const log = api.state.requests;
    expect(log.filter((q) => q.method === 'POST' && q.path.endsWith('/releases')).map((q) => q.body)).toMatchObject([{ draft: true }]);
    expect(log.filter((q) => q.method === 'PATCH').map((q) => q.body)).toEqual([{ draft: false, make_latest: 'legacy' }]);
    expect(log.findLastIndex((q) => q.path.endsWith('/assets') && q.method === 'POST')).toBeLessThan(log.findIndex((q) => q.method === 'PATCH'));
    expect(log.filter((q) => q.status >= 400)).toEqual([]);
  });

  it('a rerun of every step rebuilds identical archives and changes nothing on GitHub', async () => {
    const before = releases()[0].assets.map((a) => [a.id, a.digest]);
    const from = api.state.requests.length;
    const built = await run(ws, {}, gh());
    expect(built.success, built.out).toBe(true);
    for (const a of releases()[0].assets) expect(a.digest).toBe(`sha256:${sha256(join(ws.dir, 'dist', a.name))}`);
    const r = await publish(ws);
    expect(r.success, r.out).toBe(true);
    expect(r.out).toContain('unchanged, published with all 8 assets');
    expect(writes(from)).toEqual([]);
    expect(releases()).toHaveLength(1);
    expect(releases()[0].assets.map((a) => [a.id, a.digest])).toEqual(before);
    expect(api.state.requests.filter((q) => q.status >= 400)).toEqual([]);
  });

  it('a changed archive is refused naming both digests; nothing is deleted or replaced', async () => {
    const header = join(ws.dir, 'crates/c-api/include/wasmtime/extra.h');
    const original = readFileSync(header, 'utf8');
    writeFileSync(header, original.replace('Largest number', 'The largest number'));
    try {
      const before = releases()[0].assets.map((a) => [a.id, a.digest]);
      const released = releases()[0].assets.find((a) => a.name === `${CAPI}.tar.xz`)!.digest;
      expect((await run(ws, {}, gh())).success).toBe(true);
      const from = api.state.requests.length;
      const r = await publish(ws);
      expect(r.success).toBe(false);
      const local = `sha256:${sha256(join(ws.dir, 'dist', `${CAPI}.tar.xz`))}`;
      expect(local).not.toBe(released);
      expect(r.out).toContain(`${CAPI}.tar.xz: the release has ${released} (`);
      expect(r.out).toContain(`the local file is ${local} (`);
      expect(r.out).toContain('nothing was uploaded, deleted or replaced');
      expect(writes(from)).toEqual([]);
      expect(releases()[0].assets.map((a) => [a.id, a.digest])).toEqual(before);
      expect(api.state.requests.filter((q) => q.status >= 400)).toEqual([]);
    } finally {
      writeFileSync(header, original);
    }
  });

  it('bad settings are refused before anything is built', async () => {
    rmSync(join(ws.dir, 'dist'), { recursive: true, force: true });
    const broken = {
      ...options,
      artifacts: { ...options.artifacts, archives: [{ name: 'x-{platform}', entries: [{ crate: 'no-such-crate', output: 'bin' }] }] },
    };
    const r = await run(ws, {}, gh(), broken);
    expect(r.success).toBe(false);
    expect(r.out).toContain("artifacts.archives[0].entries[0].crate 'no-such-crate' is not a member of the Cargo workspace");
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);
  });
});

describe.skipIf(!onLinuxX64)('release-artifacts: dry run, pre-releases, refusals', () => {
  it('--dry-run lists builds and files, and writes and sends nothing', async () => {
    const ws = releasedExample();
    const from = api.state.requests.length;
    const { success, out } = await run(ws, { dryRun: true, targets: 'aarch64-unknown-linux-gnu,riscv64gc-unknown-linux-gnu' }, gh());
    expect(success, out).toBe(true);
    // Only the host's standard library is installed here: other targets are skipped, with the fix.
    expect(out).toContain(
      'target aarch64-unknown-linux-gnu is not installed in this toolchain: skipped (install it with: rustup target add aarch64-unknown-linux-gnu)',
    );
    expect(out).toContain('target riscv64gc-unknown-linux-gnu is not installed');
    expect(out).not.toMatch(/--target (aarch64|riscv64gc)/);
    expect(out).toContain('Dry run of release-artifacts for v5.0.0');
    expect(out).toContain(`cargo build --release --target ${host} -p wasmtime-cli --bin wasmtime`);
    expect(out).toContain(`cargo build --release --target ${host} -p wasmtime-c-api --lib`);
    expect(out).toContain(`dist/${CAPI}.tar.xz  (and ${CAPI}.tar.xz.sha256)`);
    expect(out).toContain(`${CAPI}/lib/  <-  `);
    expect(out).toContain('Would not touch GitHub: `nx release-assets`, the last job, publishes the release');
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);
    expect(api.state.requests.length).toBe(from);

    // A target rustc does not know (a typo) is refused, not skipped as "not installed".
    const typo = await run(ws, { targets: 'aarch64-unknown-linux-gun' }, gh());
    expect(typo.success, typo.out).toBe(false);
    expect(typo.out).toContain('--targets=aarch64-unknown-linux-gun: rustc does not know this target; nothing was built');
    expect(typo.out).toContain('use "aarch64-unknown-linux-gnu" instead of "aarch64-unknown-linux-gun"');
    expect(typo.out).not.toContain('cargo build');
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);
  });

  it('a removed setting is refused naming the one that replaced it, before anything is built', async () => {
    const ws = releasedExample();
    const { artifacts } = options;
    const r = await run(ws, {}, gh(), { artifacts: { ...artifacts, repository: 'bytecodealliance/wasmtime' } });
    expect(r.success).toBe(false);
    expect(r.out).toContain('unknown setting "artifacts.repository" in nx.json plugin options: it was replaced by "githubRepository"');
    expect(existsSync(join(ws.dir, 'dist'))).toBe(false);
  });

  it('a version with a suffix names and stamps the archives, without a warning', async () => {
    const ws = releasedExample('5.0.0-rc.1');
    const warnings: string[] = [];
    // The same two archives without their crate entries: naming and stamping are the point, and
    // a new version would recompile the whole example (building is proven above).
    const archives = options.artifacts.archives.map((a) => ({ ...a, entries: a.entries.filter((e) => !('crate' in e)) }));
    const r = await runCommand(releaseArtifactsCommand, releaseArtifactsFlags, {
      root: ws.dir,
      env: gh(),
      settings: { ...options, artifacts: { ...options.artifacts, archives } },
      services: (real) => ({ log: { ...real.log, warn: (line) => (warnings.push(line), real.log.warn(line)) } }),
    });
    expect(r.ok, r.out).toBe(true);
    expect(warnings).toEqual([]);
    expect(readdirSync(join(ws.dir, 'dist')).sort()).toEqual(ASSETS.map((a) => a.replaceAll('v5.0.0', 'v5.0.0-rc.1')));
    const capi = join(unpack(join(ws.dir, 'dist', `${CAPI.replace('v5.0.0', 'v5.0.0-rc.1')}.tar.xz`)), CAPI.replace('v5.0.0', 'v5.0.0-rc.1'));
    expect(readFileSync(join(capi, 'include/wasmtime.h'), 'utf8')).toContain('#define WASMTIME_VERSION "5.0.0-rc.1"');
  });

  it('refuses to release from a commit without a release tag', async () => {
    const ws = releasedExample();
    ws.git(['tag', '-d', 'v5.0.0']);
    const { success, out } = await run(ws, { dryRun: true }, gh());
    expect(success).toBe(false);
    expect(out).toContain('HEAD carries no release tag matching "v{version}"');
  });
});
