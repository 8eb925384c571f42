/**
 * "Package once": `publish` uploads the preflight's `.crate` itself (PUT /api/v1/crates/new)
 * instead of running `cargo publish`, which would package every crate a second time. The
 * proof that the upload is exactly what cargo sends: the same checkout is published once
 * with real `cargo publish --workspace` to one local registry and once by the command to
 * another, and every version's JSON metadata (byte for byte), index entry and stored `.crate`
 * bytes must be identical. The example gets one more crate using every field cargo uploads:
 * a renamed, optional dependency with features, a target-specific one, a build dependency, a
 * dev-dependency without a version (dropped) and one with a version (kept), `dep:` and `?/`
 * features, a readme, badges, links, rust-version and the package's descriptive fields.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { publishOrder } from '../../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../../packages/nx-release-train/src/effects/workspace-fs';
import { startRegistry, writeCargoHome, type Registry } from '../../tools/local-registry';
import { hasCargo, publishEveryCrate } from '../support/publish';
import { exampleRoot, makeWorkspace } from '../support/workspace';

const exec = promisify(execFile);
const probe = 'crates/meta-probe';
const files: Record<string, string> = {
  [`${probe}/Cargo.toml`]: `[package]
name = "wasmtime-meta-probe"
version.workspace = true
authors = ["Ada <ada@example.com>", "The Probe Team"]
edition.workspace = true
rust-version = "1.70"
description = "Uses every field cargo uploads"
documentation = "https://docs.example.com/probe"
homepage = "https://example.com/probe"
readme = "README.md"
keywords = ["wasm", "probe"]
categories = ["wasm", "development-tools"]
license.workspace = true
license-file = "LICENSE-PROBE"
repository.workspace = true
links = "probe"
build = "build.rs"

[badges]
maintenance = { status = "actively-developed" }

[dependencies]
engine = { package = "wasmtime", path = "../wasmtime", version = "5.0.0", default-features = false, features = ["std"], optional = true }
wasmtime-environ = { workspace = true }
flags = { package = "wasmtime-cli-flags", path = "../cli-flags", version = ">= 5.0.0, < 6" }

[target.'cfg(any(unix,target_os="wasi"))'.dependencies]
wasmtime-fiber = { workspace = true, optional = true }

[target.x86_64-unknown-linux-gnu.build-dependencies]
cranelift-entity = { workspace = true }

[target.x86_64-unknown-linux-gnu.dev-dependencies]
cranelift-codegen = { workspace = true }

[build-dependencies]
cranelift-frontend = { version = "~0.92", path = "../../cranelift/frontend" }

[dev-dependencies]
wasmtime-test-util = { workspace = true }
wasmtime-core = { workspace = true }

[features]
default = ["engine"]
fibers = ["dep:wasmtime-fiber"]
std = ["engine?/std"]
everything = ["fibers", "std"]
`,
  [`${probe}/README.md`]: '# meta probe\n\nA readme with non-ASCII text: naïve café, ✓.\n',
  [`${probe}/LICENSE-PROBE`]: 'Probe license text.\n',
  [`${probe}/build.rs`]: 'fn main() {}\n',
  [`${probe}/src/lib.rs`]: '//! The probe.\n',
};

interface Side {
  reg: Registry;
  env: Record<string, string>;
}

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
const removeLater = (dir: string) => cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

async function side(): Promise<Side> {
  const reg = await startRegistry();
  cleanups.push(() => reg.stop());
  const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
  removeLater(home);
  return { reg, env: writeCargoHome(home, reg) };
}

describe.skipIf(!hasCargo)('publish uploads the preflight packages', () => {
  it('sends exactly what cargo publish sends: metadata, index entries and .crate bytes identical', async () => {
    const ws = makeWorkspace({ from: exampleRoot, git: true, files, options: { registry: 'local' } });
    cleanups.push(ws.cleanup);
    // The lock file learns the new member, committed: cargo publishes a clean checkout only.
    await exec('cargo', ['metadata', '--format-version', '1', '--offline'], { cwd: ws.dir });
    ws.git(['commit', '-qam', 'lock the probe']);
    const model = loadWorkspace(ws.dir);
    const crates = model.members.filter((c) => c.publishable).map((c) => ({ name: c.name, version: c.version }));
    expect(crates.map((c) => c.name)).toContain('wasmtime-meta-probe');
    expect(publishOrder(model).diagnostics.filter((d) => d.level === 'error')).toEqual([]);

    const byCargo = await side();
    // Asynchronously: the registries answer from this process. Its own target directory, so
    // that what cargo publish leaves behind cannot be taken for the command's packages.
    const targetDir = mkdtempSync(join(tmpdir(), 'nrt-target-'));
    removeLater(targetDir);
    await exec('cargo', ['publish', '--workspace', '--registry', 'local', '--no-verify'], {
      cwd: ws.dir,
      env: { ...process.env, ...byCargo.env, CARGO_TARGET_DIR: targetDir },
    });

    const byUs = await side();
    vi.stubEnv('CARGO_HOME', byUs.env.CARGO_HOME);
    const { CARGO_HOME, ...token } = byUs.env;
    const run = await publishEveryCrate(
      { ws, crates: new Map(), reg: byUs.reg, waves: [], oidcEnv: {}, tokenEnv: {} },
      { concurrency: 3 },
      { CARGO_HOME, ...token },
    );
    expect(run.ok, run.out).toBe(true);
    // Packaged once, before the first upload, by the preflight: `cargo publish` would package
    // each crate again just before its own upload, after its dependencies were uploaded.
    const firstUpload = Math.min(...byUs.reg.events.filter((e) => e.route === 'publish').map((e) => e.at));
    for (const { name, version } of crates) {
      // cargo package writes tmp-crate/ and copies to package/; cargo publish (1.90+) writes tmp-crate/ only.
      for (const dir of ['target/package', 'target/package/tmp-crate']) {
        const packaged = statSync(join(ws.dir, dir, `${name}-${version}.crate`));
        expect(packaged.mtimeMs, `${name} packaged into ${dir} after the first upload`).toBeLessThan(firstUpload);
      }
    }

    for (const { name, version } of crates) {
      const a = byCargo.reg.version(name, version);
      const b = byUs.reg.version(name, version);
      expect(a, `${name} by cargo`).toBeDefined();
      expect(b, `${name} by the command`).toBeDefined();
      expect(b!.metadata, `${name}: upload metadata`).toBe(a!.metadata);
      expect(b!.line, `${name}: index entry`).toEqual(a!.line);
      expect(b!.crate.equals(a!.crate), `${name}: .crate bytes`).toBe(true);
    }
  });
});
