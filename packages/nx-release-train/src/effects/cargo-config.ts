/**
 * Where a registry's index lives, read the way cargo reads it: the environment
 * (`CARGO_REGISTRIES_<NAME>_INDEX`), then `.cargo/config.toml` (or `.cargo/config`) in the
 * directory and each parent, then `$CARGO_HOME/config.toml`; the closest definition wins.
 * crates.io (registry null) is its sparse index.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'smol-toml';
import { ReleaseError } from '../core/errors';

export const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/';

export class RegistryConfigError extends ReleaseError {}

function configFiles(dir: string, env: NodeJS.ProcessEnv): string[] {
  const files: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const name of ['config.toml', 'config']) {
      const f = path.join(d, '.cargo', name);
      if (existsSync(f)) {
        files.push(f);
        break;
      }
    }
    if (path.dirname(d) === d) break;
  }
  const home = env.CARGO_HOME ?? path.join(os.homedir(), '.cargo');
  for (const name of ['config.toml', 'config']) {
    const f = path.join(home, name);
    if (existsSync(f)) {
      if (!files.includes(f)) files.push(f);
      break;
    }
  }
  return files;
}

export function registryIndexUrl(dir: string, registry: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (!registry || registry === 'crates-io') return CRATES_IO_SPARSE;
  const key = registry.toUpperCase().replaceAll('-', '_');
  const fromEnv = env[`CARGO_REGISTRIES_${key}_INDEX`];
  if (fromEnv) return fromEnv;
  const files = configFiles(dir, env);
  for (const file of files) {
    let data: Record<string, unknown>;
    try {
      data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new RegistryConfigError(`not valid TOML (${(e as Error).message})`, 'fix the file so cargo can read it', { file });
    }
    const index = (data.registries as Record<string, { index?: unknown }> | undefined)?.[registry]?.index;
    if (typeof index === 'string') return index;
  }
  throw new RegistryConfigError(
    `registry "${registry}" (setting "registry" of nx-release-train) is not defined in cargo's configuration ` +
      `(looked in ${files.length ? files.join(', ') : 'no config file found'})`,
    `add [registries.${registry}] index = "sparse+https://..." to .cargo/config.toml, or set CARGO_REGISTRIES_${key}_INDEX`,
    { setting: 'registry' },
  );
}
