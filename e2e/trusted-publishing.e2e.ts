/**
 * Publishing as crates.io works today, through the real nx CLI, real cargo and the local
 * registry (with its OIDC issuer stand-in) on 127.0.0.1:
 * (a) trusted publishing through token expiry, every token revoked, no secret in output or argv;
 * (b) a crate trusted publishing cannot create, refused before any upload;
 * (c) an 11 MiB crate in the last wave, refused before any upload;
 * (d) candidates rc.1 -> rc.2 -> final with release-yank after each, a yank 429, and reruns.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishOrder } from '../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../packages/nx-release-train/src/effects/workspace-fs';
import { startRegistry, writeCargoHome, type Registry, type RegistryOptions } from '../tools/local-registry';
import { exampleRoot, makeWorkspace, NX_ENV, repoRoot, type TempWorkspace } from './support/workspace';

const hasCargo = spawnSync('cargo', ['--version']).status === 0;

interface Setup {
  ws: TempWorkspace;
  reg: Registry;
  /** Publishable crates: name -> version, in publish waves. */
  crates: Map<string, string>;
  waves: string[][];
  /** Environment of a GitHub Actions job with `id-token: write` and no registry token. */
  oidcEnv: NodeJS.ProcessEnv;
  tokenEnv: NodeJS.ProcessEnv;
  nx(args: string[], env: NodeJS.ProcessEnv, sample?: string[]): Promise<{ code: number | null; out: string }>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(registryOptions: RegistryOptions = {}, options: Record<string, unknown> = {}): Promise<Setup> {
  const ws = makeWorkspace({ from: exampleRoot, git: true, options: { registry: 'local', ...options } });
  const reg = await startRegistry(registryOptions);
  const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
  cleanups.push(() => reg.stop(), ws.cleanup, () => rmSync(home, { recursive: true, force: true }));
  const tokenEnv = { ...process.env, ...NX_ENV, ...writeCargoHome(home, reg) };
  const { CARGO_REGISTRIES_LOCAL_TOKEN: _, ...withoutToken } = tokenEnv;
  const oidcEnv = { ...withoutToken, ACTIONS_ID_TOKEN_REQUEST_URL: reg.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: reg.oidc.requestToken };
  const model = loadWorkspace(ws.dir);
  const crates = new Map(model.members.filter((c) => c.publishable).map((c) => [c.name, c.version]));
  const nx: Setup['nx'] = (args, env, sample) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd: ws.dir, env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      // Every process's argv, sampled while the run goes (asynchronously: the registry lives here).
      const timer = sample
        ? setInterval(() => execFile('ps', ['-eww', '-o', 'args='], (_e, stdout) => sample.push(stdout)), 100)
        : undefined;
      child.on('close', (code) => {
        clearInterval(timer);
        resolve({ code, out });
      });
    });
  return { ws, reg, crates, waves: publishOrder(model).waves, oidcEnv, tokenEnv, nx };
}

/** Gives every crate an earlier version, as a registry holds before a release (trusted publishing needs them). */
function seedEarlier(s: Setup, except: string[] = []): void {
  for (const name of s.crates.keys()) if (!except.includes(name)) s.reg.seed({ name, vers: '0.0.1', deps: [], features: {} }, Buffer.from(name));
}

const uploads = (s: Setup) => s.reg.events.filter((e) => e.route === 'publish');

describe.skipIf(!hasCargo)('trusted publishing, preflight and release-yank', () => {
  it('(a) publishes with trusted publishing alone through token expiry, revokes every token, shows no secret', async () => {
    // Tokens live 20 s on the registry; the setting says 8 s, so each is replaced after 6.7 s and
    // an upload has 13 s of slack for cargo's packaging on a busy machine (an upload that still
    // meets an expired token gets a fresh one). Uploads take 4 s: the run outlives tokens.
    const s = await setup({ trustedTokenLifetimeMs: 20_000, publishLatencyMs: 4000 }, { trustedTokenLifetime: 8 });
    seedEarlier(s);
    const ps: string[] = [];
    const run = await s.nx(['run-many', '-t', 'publish', '--output-style=static'], s.oidcEnv, ps);
    const end = Date.now();
    expect(run.code, run.out).toBe(0);
    for (const [name, version] of s.crates) expect(s.reg.published(name), name).toEqual(['0.0.1', version]);
    expect(run.out).toContain(`publish: trusted publishing to registry "local" (no CARGO_REGISTRIES_LOCAL_TOKEN set): an OIDC token for audience "${new URL(s.reg.url).host}"`);
    const minted = s.reg.trusted.minted;
    expect(minted.length, run.out).toBeGreaterThan(1);
    // Every token was revoked at the end, or had expired during the run (then it is dead already).
    const expiredInRun = minted.filter((m) => m.revokedAt === null);
    expect(expiredInRun.length, 'a token expired during the run').toBeGreaterThan(0);
    for (const m of expiredInRun) expect(m.expiresAt).toBeLessThan(end);
    const revocations = s.reg.events.filter((e) => e.route === 'trusted' && e.method === 'DELETE');
    expect(revocations).toHaveLength(minted.length);
    expect(run.out).toContain(`trusted publishing: revoked ${minted.length - expiredInRun.length} of ${minted.length} tokens (${expiredInRun.length} had expired already)`);
    expect(s.reg.oidc.issued.every((i) => i.audience === new URL(s.reg.url).host)).toBe(true);
    // Every upload was made with a trusted-publishing token: none with the registry's own.
    expect(uploads(s).length).toBeGreaterThanOrEqual(s.crates.size);
    const secrets = [s.reg.oidc.requestToken, ...minted.map((m) => m.token), ...s.reg.oidc.issued.map((i) => i.jwt)];
    expect(ps.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(run.out.includes(secret), 'a secret in the output').toBe(false);
      expect(ps.some((p) => p.includes(secret)), 'a secret in argv').toBe(false);
    }
  }, 600_000);

  it('(b) refuses a crate trusted publishing cannot create, before any upload, with the fix', async () => {
    const s = await setup();
    const last = s.waves[s.waves.length - 1][0];
    seedEarlier(s, [last]);
    const run = await s.nx(['run-many', '-t', 'publish', '--output-style=static'], s.oidcEnv);
    expect(run.code).not.toBe(0);
    expect(run.out).toContain(
      `refused: ${last} does not exist on registry "local" yet, and trusted publishing cannot create a crate. Fix: publish ${last}@${s.crates.get(last)} once by hand`,
    );
    expect(run.out).toContain('add this repository\'s workflow as a trusted publisher');
    expect(uploads(s)).toEqual([]);
    expect(s.reg.oidc.issued).toEqual([]);
  });

  it('(c) refuses an 11 MiB crate of the last wave before any upload, naming the crate and both sizes', async () => {
    const s = await setup();
    const last = s.waves[s.waves.length - 1];
    expect(last).toContain('wasmtime-cli');
    // Random bytes do not compress: the .crate grows past 11 MiB.
    writeFileSync(join(s.ws.dir, 'src/blob.bin'), randomBytes(11 * 1024 * 1024));
    s.ws.git(['add', '-A']);
    s.ws.git(['commit', '-q', '-m', 'a big file']);
    const run = await s.nx(['run-many', '-t', 'publish', '--output-style=static'], s.tokenEnv);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/refused: wasmtime-cli@5\.0\.0: its \.crate is 11\.\d MiB \(\d{8} bytes\), over the 10\.0 MiB \(10485760 bytes\) registry "local" accepts/);
    expect(run.out).toContain('nothing was published');
    expect(uploads(s)).toEqual([]);
    // With a token, new crates are allowed but listed.
    expect(run.out).toMatch(/note: new crates \(first version on registry "local"; .*\): .*wasmtime-cli/);
    const plan = await s.nx(['publish-plan'], s.tokenEnv);
    expect(plan.code).not.toBe(0);
    expect(plan.out).toMatch(/refused: wasmtime-cli@5\.0\.0: its \.crate is 11\.\d MiB/);
  });

  it('(d) yanks superseded candidates, each crate its own, once, never the released version', async () => {
    const s = await setup({ rateLimits: { yanks: { burst: 100, intervalMs: 60_000 } } });
    const yankEnv = { ...s.tokenEnv, CARGO_YANK_TOKEN: s.reg.token };
    const setVersion = (suffix: string) => {
      for (const file of manifests(s.ws.dir)) {
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace(/(["=])(5\.0\.0|0\.92\.0)(-rc\.\d+)?"/g, `$1$2${suffix}"`));
      }
      s.ws.git(['commit', '-qam', `version ${suffix || 'final'}`]);
    };
    // What publishing each candidate leaves in the registry (publishing itself is tested above).
    const published = (suffix: string, except: string[] = []) => {
      for (const [name, v] of s.crates) if (!except.includes(name)) s.reg.seed({ name, vers: `${v}${suffix}`, deps: [], features: {} }, Buffer.from(name + suffix));
    };
    const yank = (args: string[] = [], env: NodeJS.ProcessEnv = yankEnv) => s.nx(['release-yank', ...args], env);
    const yanked = () =>
      [...s.crates.keys()].flatMap((n) => s.reg.published(n).filter((v) => s.reg.version(n, v)!.line.yanked).map((v) => `${n}@${v}`)).sort();

    setVersion('-rc.1');
    published('-rc.1', ['wasmtime-cli']);
    const early = await yank();
    expect(early.code).not.toBe(0);
    expect(early.out).toContain('not every crate of the release is in the index of registry "local" yet (wasmtime-cli@5.0.0-rc.1)');
    s.reg.seed({ name: 'wasmtime-cli', vers: `${s.crates.get('wasmtime-cli')}-rc.1`, deps: [], features: {} }, Buffer.from('cli'));
    const first = await yank();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('release-yank: nothing to yank');

    setVersion('-rc.2');
    published('-rc.2');
    s.reg.faults.add({ route: 'yank', crate: 'cranelift-entity', action: { status: 429, retryAfterMs: 1200 } });
    const noToken = await yank([], s.tokenEnv);
    expect(noToken.code).not.toBe(0);
    expect(noToken.out).toContain('CARGO_YANK_TOKEN is not set');
    const second = await yank();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/cranelift-entity@0\.92\.0-rc\.1: retrying the yank in \d s \(rate limited by registry "local", until /);
    const rc1 = [...s.crates].map(([n, v]) => `${n}@${v}-rc.1`).sort();
    expect(yanked()).toEqual(rc1);
    expect(yanked()).toContain('cranelift-entity@0.92.0-rc.1');

    setVersion('');
    published('');
    const dry = await yank(['--dry-run']);
    expect(dry.out).toContain('would yank wasmtime@5.0.0-rc.2 (superseded by 5.0.0)');
    expect(dry.out).toContain('would yank cranelift-codegen@0.92.0-rc.2 (superseded by 0.92.0)');
    expect(yanked()).toEqual(rc1);
    const final = await yank();
    expect(final.code, final.out).toBe(0);
    expect(yanked()).toEqual([...rc1, ...[...s.crates].map(([n, v]) => `${n}@${v}-rc.2`)].sort());
    for (const [n, v] of s.crates) expect(s.reg.version(n, v)!.line.yanked, `${n}@${v}`).toBe(false);
    expect((await yank()).out).toContain('release-yank: nothing to yank');
    // Each candidate yanked exactly once; the 429 was answered before anything changed.
    expect(s.reg.events.filter((e) => e.route === 'yank' && e.status === 200)).toHaveLength(2 * s.crates.size);
  }, 600_000);
});

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (['target', '.git', 'node_modules', '.nx'].includes(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (name === 'Cargo.toml' || name === 'Cargo.lock') out.push(p);
  }
  return out;
}
