/** Real cargo against the local registry: publish, path+version dependencies, errors. */
import { execa } from 'execa';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCargoHome } from './cargo-home';
import { startRegistry, type Registry } from './registry';

function crate(root: string, dir: string, name: string, deps = ''): void {
  mkdirSync(path.join(root, dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(root, dir, 'Cargo.toml'),
    `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\nlicense = "MIT"\ndescription = "test"\n\n[dependencies]\n${deps}`,
  );
  writeFileSync(path.join(root, dir, 'src/lib.rs'), '');
}

describe('real cargo publishes to the local registry', () => {
  let reg: Registry;
  let tmp: string;
  let env: Record<string, string>;
  const cargo = (...args: string[]) =>
    execa('cargo', args, { cwd: path.join(tmp, 'ws'), env: { ...env, CARGO_TARGET_DIR: path.join(tmp, 'target') }, reject: false });

  beforeAll(async () => {
    reg = await startRegistry();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'lr-cargo-'));
    env = writeCargoHome(path.join(tmp, 'home'), reg);
    const ws = path.join(tmp, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'Cargo.toml'), '[workspace]\nmembers = ["base", "top"]\nresolver = "2"\n');
    crate(ws, 'base', 'lr-base');
    crate(ws, 'top', 'lr-top', 'renamed = { package = "lr-base", path = "../base", version = "0.1.0" }\n');
  });
  afterAll(async () => {
    await reg.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('publishes a crate and then its path+version dependent', async () => {
    const base = await cargo('publish', '-p', 'lr-base', '--registry', 'local');
    expect(base.stderr).toMatch(/Published lr-base v0.1.0/);
    const top = await cargo('publish', '-p', 'lr-top', '--registry', 'local');
    expect(top.exitCode, top.stderr).toBe(0);
    const line = reg.version('lr-top', '0.1.0')!.line;
    expect(line.deps).toEqual([expect.objectContaining({ name: 'renamed', package: 'lr-base', req: '^0.1.0', kind: 'normal' })]);
    // The verification build downloaded the dependency from this registry.
    expect(reg.events.some((e) => e.route === 'download' && e.crate === 'lr-base')).toBe(true);
  }, 60_000);

  it('shows crates.io-style errors through cargo', async () => {
    const again = await cargo('publish', '-p', 'lr-base', '--registry', 'local');
    expect(again.stderr).toMatch(/already exists/);
    writeFileSync(path.join(tmp, 'ws/base/src/lib.rs'), 'pub fn x() {}\n');
    await execa('sed', ['-i', 's/^version = "0.1.0"/version = "0.2.0"/', path.join(tmp, 'ws/base/Cargo.toml')]);
    reg.faults.add({ action: { status: 429, retryAfterMs: 1000 } });
    const limited = await cargo('publish', '-p', 'lr-base', '--registry', 'local', '--no-verify');
    expect(limited.exitCode).not.toBe(0);
    expect(limited.stderr).toMatch(/status 429 Too Many Requests.*Please try again after \w{3}, \d\d \w{3} \d{4}/);
    const denied = await execa('cargo', ['publish', '-p', 'lr-base', '--registry', 'local', '--no-verify'], {
      cwd: path.join(tmp, 'ws'),
      env: { ...env, CARGO_REGISTRIES_LOCAL_TOKEN: 'wrong', CARGO_TARGET_DIR: path.join(tmp, 'target') },
      reject: false,
    });
    expect(denied.stderr).toMatch(/status 403 Forbidden\): authentication failed/);
    expect(reg.published('lr-base')).toEqual(['0.1.0']);
  }, 60_000);
});
