/**
 * Publishing as crates.io works, in-process (real cargo, the local registry with its OIDC
 * issuer stand-in on 127.0.0.1): (b) a crate trusted publishing cannot create, refused
 * before any upload; (c) an 11 MiB crate in the last wave, refused before any upload, by
 * publish and by publish-plan; (d) candidates rc.1 -> rc.2 -> final with release-yank after
 * each, a yank 429, and reruns. Trusted publishing through token expiry is a campaign
 * (e2e/campaigns/publish.e2e.ts).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishPlanCommand } from '../../packages/nx-release-train/src/commands/publish-plan';
import { releaseYankCommand } from '../../packages/nx-release-train/src/commands/release-yank';
import { publishPlanFlags } from '../../packages/nx-release-train/src/core/flags/publish-plan';
import { releaseYankFlags } from '../../packages/nx-release-train/src/core/flags/release-yank';
import { runCommand } from '../support/command';
import { hasCargo, publishEveryCrate, setupPublish, type PublishSetup } from '../support/publish';

/** Gives every crate an earlier version, as a registry holds before a release (trusted publishing needs them). */
function seedEarlier(s: PublishSetup, except: string[] = []): void {
  for (const name of s.crates.keys()) if (!except.includes(name)) s.reg.seed({ name, vers: '0.0.1', deps: [], features: {} }, Buffer.from(name));
}

const uploads = (s: PublishSetup) => s.reg.events.filter((e) => e.route === 'publish');

describe.skipIf(!hasCargo)('trusted publishing, preflight and release-yank (in-process)', () => {
  it('(b) refuses a crate trusted publishing cannot create, before any upload, with the fix', async () => {
    const s = await setupPublish();
    const last = s.waves[s.waves.length - 1][0];
    seedEarlier(s, [last]);
    const run = await publishEveryCrate(s, {}, s.oidcEnv);
    expect(run.ok).toBe(false);
    expect(run.out).toContain(
      `refused: ${last} does not exist on registry "local" yet, and trusted publishing cannot create a crate. Fix: publish ${last}@${s.crates.get(last)!.version} once by hand`,
    );
    expect(run.out).toContain("add this repository's workflow as a trusted publisher");
    expect(run.results.every((r) => r.status === 'failure')).toBe(true);
    expect(uploads(s)).toEqual([]);
    expect(s.reg.oidc.issued).toEqual([]);
  });

  it('(c) refuses an 11 MiB crate of the last wave before any upload, naming the crate and both sizes', async () => {
    const s = await setupPublish();
    const last = s.waves[s.waves.length - 1];
    expect(last).toContain('wasmtime-cli');
    // Random bytes do not compress: the .crate grows past 11 MiB.
    writeFileSync(join(s.ws.dir, 'src/blob.bin'), randomBytes(11 * 1024 * 1024));
    s.ws.git(['add', '-A']);
    s.ws.git(['commit', '-q', '-m', 'a big file']);
    const run = await publishEveryCrate(s, {}, s.tokenEnv);
    expect(run.ok).toBe(false);
    expect(run.out).toMatch(
      /refused: wasmtime-cli@5\.0\.0: its \.crate is 11\.\d MiB \(\d{8} bytes\), over the 10\.0 MiB \(10485760 bytes\) registry "local" accepts/,
    );
    expect(run.out).toContain('nothing was published');
    expect(uploads(s)).toEqual([]);
    // With a token, new crates are allowed but listed.
    expect(run.out).toMatch(/note: new crates \(first version on registry "local"; .*\): .*wasmtime-cli/);
    const plan = await runCommand(publishPlanCommand, publishPlanFlags, { root: s.ws.dir, env: s.tokenEnv });
    expect(plan.ok).toBe(false);
    expect(plan.result).toBe(false);
    expect(plan.out).toMatch(/refused: wasmtime-cli@5\.0\.0: its \.crate is 11\.\d MiB/);
  });

  it('(d) yanks superseded candidates, each crate its own, once, never the released version', async () => {
    const s = await setupPublish({ rateLimits: { yanks: { burst: 100, intervalMs: 60_000 } } });
    const yankEnv = { ...s.tokenEnv, CARGO_YANK_TOKEN: s.reg.token };
    const setVersion = (suffix: string) => {
      for (const file of manifests(s.ws.dir)) {
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.replace(/(["=])(5\.0\.0|0\.92\.0)(-rc\.\d+)?"/g, `$1$2${suffix}"`));
      }
      s.ws.git(['commit', '-qam', `version ${suffix || 'final'}`]);
    };
    // What publishing each candidate leaves in the registry (publishing itself is tested in publish.test.ts).
    const published = (suffix: string, except: string[] = []) => {
      for (const [name, { version }] of s.crates)
        if (!except.includes(name)) s.reg.seed({ name, vers: `${version}${suffix}`, deps: [], features: {} }, Buffer.from(name + suffix));
    };
    const yank = (flags: Record<string, unknown> = {}, env: Record<string, string> = yankEnv) =>
      runCommand(releaseYankCommand, releaseYankFlags, { root: s.ws.dir, flags, env });
    const yanked = () =>
      [...s.crates.keys()]
        .flatMap((n) =>
          s.reg
            .published(n)
            .filter((v) => s.reg.version(n, v)!.line.yanked)
            .map((v) => `${n}@${v}`),
        )
        .sort();

    setVersion('-rc.1');
    published('-rc.1', ['wasmtime-cli']);
    const early = await yank();
    expect(early.ok).toBe(false);
    expect(early.out).toContain('not every crate of the release is in the index of registry "local" yet (wasmtime-cli@5.0.0-rc.1)');
    s.reg.seed({ name: 'wasmtime-cli', vers: `${s.crates.get('wasmtime-cli')!.version}-rc.1`, deps: [], features: {} }, Buffer.from('cli'));
    const first = await yank();
    expect(first.ok, first.out).toBe(true);
    expect(first.out).toContain('release-yank: nothing to yank');

    setVersion('-rc.2');
    published('-rc.2');
    s.reg.faults.add({ route: 'yank', crate: 'cranelift-entity', action: { status: 429, retryAfterMs: 1200 } });
    const noToken = await yank({}, s.tokenEnv);
    expect(noToken.ok).toBe(false);
    expect(noToken.out).toContain('CARGO_YANK_TOKEN is not set');
    const second = await yank();
    expect(second.ok, second.out).toBe(true);
    expect(second.out).toMatch(/cranelift-entity@0\.92\.0-rc\.1: retrying the yank in \d s \(rate limited by registry "local", until /);
    expect(second.out).not.toContain(s.reg.token);
    const rc1 = [...s.crates].map(([n, { version }]) => `${n}@${version}-rc.1`).sort();
    expect(yanked()).toEqual(rc1);
    expect(yanked()).toContain('cranelift-entity@0.92.0-rc.1');

    setVersion('');
    published('');
    const dry = await yank({ dryRun: true });
    expect(dry.out).toContain('would yank wasmtime@5.0.0-rc.2 (superseded by 5.0.0)');
    expect(dry.out).toContain('would yank cranelift-codegen@0.92.0-rc.2 (superseded by 0.92.0)');
    expect(yanked()).toEqual(rc1);
    const final = await yank();
    expect(final.ok, final.out).toBe(true);
    expect(yanked()).toEqual([...rc1, ...[...s.crates].map(([n, { version }]) => `${n}@${version}-rc.2`)].sort());
    for (const [n, { version }] of s.crates) expect(s.reg.version(n, version)!.line.yanked, `${n}@${version}`).toBe(false);
    expect((await yank()).out).toContain('release-yank: nothing to yank');
    // Each candidate yanked exactly once; the 429 was answered before anything changed.
    expect(s.reg.events.filter((e) => e.route === 'yank' && e.status === 200)).toHaveLength(2 * s.crates.size);
  });
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
