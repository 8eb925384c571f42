import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cargoBuild, cargoMetadata } from './cargo-build';

// A one-crate workspace whose build script fails when a GitHub token reaches it.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-cargo-build-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "probe"\nversion = "1.2.3"\nedition = "2021"\n\n[lib]\ncrate-type = ["staticlib"]\n');
  // Every variable holding a secret the train knows of, checked by name prefix/suffix too.
  writeFileSync(
    join(dir, 'build.rs'),
    'fn main() { for (k, _) in std::env::vars() { if k == "GITHUB_TOKEN" || k == "CARGO_REGISTRY_TOKEN" || (k.starts_with("CARGO_REGISTRIES_") && k.ends_with("_TOKEN")) || k.starts_with("ACTIONS_ID_TOKEN") { panic!("secret {} leaked to build script", k); } } }\n',
  );
  writeFileSync(join(dir, 'src/lib.rs'), '#[no_mangle] pub extern "C" fn probe() -> i32 { 7 }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cargo effects', () => {
  it('reads the members, their targets and the target directory', async () => {
    const { packages, targetDirectory } = await cargoMetadata(dir);
    expect(packages).toEqual([
      {
        name: 'probe',
        version: '1.2.3',
        manifest: 'Cargo.toml',
        targets: [expect.objectContaining({ name: 'probe', crateTypes: ['staticlib'] }), expect.objectContaining({ name: 'build-script-build' })],
      },
    ]);
    expect(targetDirectory).toMatch(/target$/);
  });

  it('keeps every known secret (GitHub, registry, OIDC) away from build scripts and passes the build environment', async () => {
    const saved = process.env.GITHUB_TOKEN;
    process.env.GITHUB_TOKEN = 'secret-value';
    const secrets = { CARGO_REGISTRY_TOKEN: 'cio-secret', CARGO_REGISTRIES_LOCAL_TOKEN: 'local-secret', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret' };
    Object.assign(process.env, secrets);
    const lines: string[] = [];
    try {
      await cargoBuild(dir, ['build', '--offline', '--release', '--lib'], { CARGO_TARGET_DIR: join(dir, 'out') }, (l) => lines.push(l));
    } finally {
      for (const k of Object.keys(secrets)) delete process.env[k];
      if (saved === undefined) delete process.env.GITHUB_TOKEN;
      else process.env.GITHUB_TOKEN = saved;
    }
    expect(lines.join('\n')).toContain('Compiling probe v1.2.3');
    expect(lines.join('\n')).not.toContain('secret-value');
  });

  it('fails with the tail of cargo output', async () => {
    writeFileSync(join(dir, 'src/lib.rs'), 'this is not rust\n');
    await expect(cargoBuild(dir, ['build', '--offline', '--lib'], { CARGO_TARGET_DIR: join(dir, 'out') }, () => undefined)).rejects.toThrow(
      /cargo build --offline --lib failed \(exit 101\):[\s\S]*error/,
    );
  });
});
