/** What cargo (and the build scripts it runs) sees of the environment: its registry token, no other secret. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberRunSecrets } from '../core/secrets';
import { cargoAt } from './cargo';

let dir: string;
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('cargo package', () => {
  it('keep GitHub, yank, release, bindings and settings-named tokens and the OIDC pair from cargo; the registry token stays', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nrt-cargo-env-'));
    // A stand-in cargo that records the environment it (and so a build script) got.
    writeFileSync(join(dir, 'cargo'), `#!/bin/sh\nenv > "${dir}/env-$1"\n`);
    chmodSync(join(dir, 'cargo'), 0o755);
    vi.stubEnv('PATH', `${dir}${delimiter}${process.env.PATH}`);
    const secrets = {
      GITHUB_TOKEN: 'gh-secret',
      CARGO_YANK_TOKEN: 'yank-secret',
      RELEASE_TOKEN: 'release-secret',
      BINDINGS_TOKEN: 'bindings-secret',
      TRAIN_GH_KEY: 'named-secret',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example',
    };
    for (const [k, v] of Object.entries({ ...secrets, CARGO_REGISTRY_TOKEN: 'registry-token', KEEP_ME: 'plain' })) vi.stubEnv(k, v);
    rememberRunSecrets({}, { githubTokenEnv: 'TRAIN_GH_KEY', yankTokenVariable: 'CARGO_YANK_TOKEN', registry: null });
    const cargo = cargoAt(dir);
    await cargo.package(['a'], { registry: null, verify: true, offline: true });
    for (const sub of ['package']) {
      const seen = readFileSync(join(dir, `env-${sub}`), 'utf8');
      for (const name of Object.keys(secrets)) expect({ sub, name, seen: seen.includes(`${name}=`) }).toEqual({ sub, name, seen: false });
      expect(seen).toContain('CARGO_REGISTRY_TOKEN=registry-token');
      expect(seen).toContain('KEEP_ME=plain');
    }
  });
});
