/**
 * cargo package / cargo publish for the publish and verify targets. Argument arrays only;
 * the registry token reaches cargo through the inherited environment
 * (CARGO_REGISTRIES_<NAME>_TOKEN / CARGO_REGISTRY_TOKEN), never argv; the runner masks any
 * token value in the output these functions return.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { secretNamesIn } from '../core/secrets';
import { targetList } from './cargo-build';
import { run, type RunResult } from './exec';

export interface CargoPublishOptions {
  registry: string | null;
  /** Skip cargo's verification build (the verify target does it). */
  noVerify: boolean;
  /**
   * Stop cargo once it reports the upload, instead of letting it poll the index once a
   * second (its own message offers ctrl-c for this): the caller waits for the index itself,
   * at a finer grain and with its own bound.
   */
  ownIndexWait: boolean;
  /**
   * A token minted for this run (trusted publishing): handed to cargo in its environment
   * variable, and masked in what is returned. Without it cargo reads the inherited one.
   */
  token?: { variable: string; value: string };
}

export interface CargoPackageOptions {
  registry: string | null;
  verify: boolean;
  offline: boolean;
}

/** Cargo's interface as the publish and verify targets use it (tests substitute fakes). */
export interface Cargo {
  publish(crate: string, opts: CargoPublishOptions): Promise<RunResult>;
  package(crates: string[], opts: CargoPackageOptions): Promise<RunResult>;
  /**
   * The `.crate` file cargo left for a crate version, written at or after `since` (ms), or
   * null. `cargo package` leaves it in target/package; `cargo publish` (1.90+) in
   * target/package/tmp-crate.
   */
  packagedCrate(crate: string, version: string, since: number): Promise<string | null>;
  /** Every Rust target the toolchain knows (`rustc --print target-list`). */
  targetList(): Promise<string[]>;
}

const UPLOADED = /^\s*Uploaded \S+ v\S+ to registry/m;

const registryArgs = (registry: string | null) => (registry ? ['--registry', registry] : []);

/** cargo's environment for a publish: a minted token added (the runner masks it in output). */
function publishEnv(opts: CargoPublishOptions): Record<string, string> | undefined {
  return opts.token ? { [opts.token.variable]: opts.token.value } : undefined;
}

/**
 * Every secret but cargo's own registry credentials, kept from cargo and the build scripts it
 * runs (third-party code): GitHub tokens, the yank token, the OIDC request pair (whoever holds
 * it can mint publishing tokens), and the variables the settings name.
 */
const notForCargo = () => secretNamesIn(process.env).filter((name) => !/^CARGO_REGISTR(Y|IES_.+)_(TOKEN|SECRET_KEY)$/.test(name));

export function cargoAt(root: string): Cargo {
  let targetDir: Promise<string> | undefined;
  return {
    async publish(crate, opts) {
      const args = ['publish', '-p', crate, ...registryArgs(opts.registry), ...(opts.noVerify ? ['--no-verify'] : [])];
      // With ownIndexWait, cargo is stopped (as ctrl-c would) once it says the upload is done.
      return run('cargo', args, {
        cwd: root,
        reject: false,
        env: publishEnv(opts),
        withoutEnv: notForCargo(),
        stopWhen: opts.ownIndexWait ? UPLOADED : undefined,
      });
    },
    async package(crates, opts) {
      const args = [
        'package',
        ...crates.flatMap((c) => ['-p', c]),
        ...registryArgs(opts.registry),
        ...(opts.verify ? [] : ['--no-verify']),
        ...(opts.offline ? ['--offline'] : []),
      ];
      return run('cargo', args, { cwd: root, reject: false, withoutEnv: notForCargo() });
    },
    async packagedCrate(crate, version, since) {
      const find = async (target: string) => {
        const dir = path.join(target, 'package');
        for (const file of [path.join(dir, `${crate}-${version}.crate`), path.join(dir, 'tmp-crate', `${crate}-${version}.crate`)]) {
          const st = await stat(file).catch(() => null);
          // mtimes may be rounded by the file system: allow a second of slack.
          if (st && st.mtimeMs >= since - 1000) return file;
        }
        return null;
      };
      // The usual places first; `cargo metadata` knows about configured target dirs.
      const guess = await find(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'));
      if (guess) return guess;
      targetDir ??= run('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], { cwd: root }).then(
        (r) => (JSON.parse(r.stdout) as { target_directory: string }).target_directory,
      );
      return find(await targetDir);
    },
    targetList: () => targetList(root),
  };
}
