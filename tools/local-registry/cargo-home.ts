/**
 * A throw-away CARGO_HOME whose configuration points cargo at a local registry, the way
 * SPEC §4 describes: `[registries.<name>]` with the sparse index, and `[source.crates-io]
 * replace-with` so that path+version dependencies (which mean "crates.io") resolve there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Registry } from './registry';

export interface CargoHomeOptions {
  /** Registry name in cargo's configuration (default 'local'). */
  name?: string;
  /** Point crates.io at this registry (default true). */
  replaceCratesIo?: boolean;
}

/** Writes `<dir>/config.toml`; returns the environment for cargo (token included). */
export function writeCargoHome(dir: string, registry: Registry, opts: CargoHomeOptions = {}): Record<string, string> {
  const name = opts.name ?? 'local';
  mkdirSync(dir, { recursive: true });
  const lines = [`[registries.${name}]`, `index = "${registry.indexUrl}"`];
  if (opts.replaceCratesIo ?? true) lines.push('', '[source.crates-io]', `replace-with = "${name}"`);
  lines.push('');
  writeFileSync(path.join(dir, 'config.toml'), lines.join('\n'));
  return {
    CARGO_HOME: dir,
    [`CARGO_REGISTRIES_${name.toUpperCase().replaceAll('-', '_')}_TOKEN`]: registry.token,
  };
}
