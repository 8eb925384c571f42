/**
 * cargo package for the publish, publish-plan and verify targets (publish uploads what this
 * packaged: effects/crate-upload.ts). Argument arrays only; the registry token reaches cargo
 * through the inherited environment (CARGO_REGISTRIES_<NAME>_TOKEN / CARGO_REGISTRY_TOKEN),
 * never argv; the runner masks any token value in the output these functions return.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { secretNamesIn } from '../core/secrets';
import { targetList } from './cargo-build';
import { run, type RunResult } from './exec';

export interface CargoPackageOptions {
  registry: string | null;
  verify: boolean;
  offline: boolean;
}

/** Cargo's interface as the publish and verify targets use it (tests substitute fakes). */
export interface Cargo {
  package(crates: string[], opts: CargoPackageOptions): Promise<RunResult>;
  /**
   * The `.crate` file cargo left for a crate version, written at or after `since` (ms), or
   * null. `cargo package` leaves it in target/package (cargo 1.90+ also in target/package/tmp-crate).
   */
  packagedCrate(crate: string, version: string, since: number): Promise<string | null>;
  /** Every Rust target the toolchain knows (`rustc --print target-list`). */
  targetList(): Promise<string[]>;
}

const registryArgs = (registry: string | null) => (registry ? ['--registry', registry] : []);

/**
 * Every secret but cargo's own registry credentials, kept from cargo and the build scripts it
 * runs (third-party code): GitHub tokens, the yank token, the OIDC request pair (whoever holds
 * it can mint publishing tokens), and the variables the settings name.
 */
const notForCargo = () => secretNamesIn(process.env).filter((name) => !/^CARGO_REGISTR(Y|IES_.+)_(TOKEN|SECRET_KEY)$/.test(name));

export function cargoAt(root: string): Cargo {
  let targetDir: Promise<string> | undefined;
  return {
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
