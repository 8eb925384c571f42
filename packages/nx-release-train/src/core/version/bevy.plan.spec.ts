/**
 * Bevy's "Bump Version after Release", planned with no preset: main carries `0.19.0-dev` as a
 * literal version on every crate and as caret-less requirements; the cut moves all of them to
 * `0.20.0-dev`, names the branch `release-0.19.0`, leaves private crates on their own
 * versions alone, and warns about nothing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../settings/options';
import { releaseBranchName } from '../release';
import { buildWorkspace } from '../workspace';
import { nxNextVersion } from './nx-arithmetic';
import { planMoves } from './nx-plan';
import { planVersions } from './plan';

const CRATES = ['bevy_app', 'bevy_ecs', 'bevy_math', 'bevy_reflect', 'bevy_render', 'bevy_utils', 'bevy_internal'];

/** Bevy at `v` on main: the root `bevy` package, its crates, private examples and tools. */
function bevy(v: string): Record<string, string> {
  const files: Record<string, string> = {
    'Cargo.toml': `[package]\nname = "bevy"\nversion = "${v}"\nedition = "2024"\n\n[workspace]\nresolver = "2"\nmembers = ["crates/*", "examples/mobile", "tools/*", "errors"]\n\n[dependencies]\nbevy_internal = { path = "crates/bevy_internal", version = "${v}", default-features = false }\n\n[dev-dependencies]\nbevy_math = { path = "crates/bevy_math", version = "${v}" }\n`,
    // Private crates on their own versions: they never move.
    'examples/mobile/Cargo.toml': `[package]\nname = "bevy_mobile_example"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\nbevy = { path = "../../", version = "${v}" }\n`,
    'errors/Cargo.toml': `[package]\nname = "errors"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n[dependencies]\nbevy = { path = "..", version = "${v}" }\n`,
    // Bevy's newer private tools carry no version at all (Cargo reads 0.0.0).
    'tools/example-showcase/Cargo.toml': '[package]\nname = "example-showcase"\nedition = "2024"\npublish = false\n\n[dependencies]\nxshell = "0.2"\n',
    'tools/ci/Cargo.toml': '[package]\nname = "ci"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\nargh = "0.1"\n',
  };
  CRATES.forEach((name, i) => {
    const deps = CRATES.slice(0, i).filter((_, j) => j % 2 === i % 2 || name === 'bevy_internal');
    const reqs = deps.map((d) => `${d} = { path = "../${d}", version = "${v}" }`).join('\n');
    files[`crates/${name}/Cargo.toml`] =
      `[package]\nname = "${name}"\nversion = "${v}"\nedition = "2024"\n\n[dependencies]\n${reqs}${reqs ? '\n' : ''}serde = "1"\n`;
  });
  const locked = [
    ['bevy', v],
    ...CRATES.map((c) => [c, v]),
    ['bevy_mobile_example', '0.0.0'],
    ['ci', '0.0.0'],
    ['errors', '0.1.0'],
    ['example-showcase', '0.0.0'],
  ];
  files['Cargo.lock'] = `version = 4\n${locked.map(([n, ver]) => `\n[[package]]\nname = "${n}"\nversion = "${ver}"\n`).join('')}`;
  files['crates/bevy_ecs/Cargo.toml'] += `\n[dev-dependencies]\nbevy_reflect = { path = "../bevy_reflect", version = "${v}", features = ["derive"] }\n`;
  return files;
}

function cut(files: Record<string, string>) {
  const manifests = Object.keys(files).filter((p) => p.endsWith('Cargo.toml'));
  const workspace = buildWorkspace({ manifests, read: (p) => files[p] ?? null });
  const plan = planVersions({ workspace, files, options: DEFAULT_OPTIONS, bump: 'major' });
  const out = { ...files };
  for (const e of plan.edits) out[e.file] = e.after;
  return { plan, out };
}

describe('a Bevy-shaped -dev main cut with no preset', () => {
  it('moves every crate and requirement from 0.19.0-dev to 0.20.0-dev, privates on their own versions stay', () => {
    const { plan, out } = cut(bevy('0.19.0-dev'));
    const expected = bevy('0.20.0-dev');
    expect(out).toEqual(expected);
    expect(out['Cargo.lock']).toContain('name = "bevy_render"\nversion = "0.20.0-dev"');
    expect(out['errors/Cargo.toml']).toBe(
      '[package]\nname = "errors"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n[dependencies]\nbevy = { path = "..", version = "0.20.0-dev" }\n',
    );
    expect(out['crates/bevy_internal/Cargo.toml']).toContain('bevy_app = { path = "../bevy_app", version = "0.20.0-dev" }');
    expect(out['examples/mobile/Cargo.toml']).toContain('version = "0.0.0"');
    expect(out['tools/ci/Cargo.toml']).toBe(bevy('0.19.0-dev')['tools/ci/Cargo.toml']);
    expect(plan.primary).toMatchObject({ from: '0.19.0-dev', to: '0.20.0-dev' });
    expect(plan.crates.map((c) => c.name).sort()).toEqual(['bevy', ...CRATES].sort());
    expect(plan.warnings).toEqual([]);
  });

  it('names the release branch after the release, without -dev', () => {
    const { plan } = cut(bevy('0.19.0-dev'));
    expect(releaseBranchName(DEFAULT_OPTIONS, plan.primary!.from)).toBe('release-0.19.0');
  });

  it('nx release major through the version actions writes the same bytes, with or without a Cargo.lock', () => {
    const step = nxNextVersion('0.19.0-dev', 'major', '', DEFAULT_OPTIONS);
    expect(step).toEqual({ to: '0.20.0-dev' });
    for (const withLock of [true, false]) {
      const files = bevy('0.19.0-dev');
      if (!withLock) delete files['Cargo.lock']; // Bevy commits none
      const manifests = Object.keys(files).filter((p) => p.endsWith('Cargo.toml'));
      const workspace = buildWorkspace({ manifests, read: (p) => files[p] ?? null });
      const versions = new Map(['bevy', ...CRATES].map((c) => [c, '0.20.0-dev']));
      const nx = planMoves({ workspace, files: new Map(Object.entries(files)), options: DEFAULT_OPTIONS, versions });
      const out = { ...files };
      for (const e of nx.edits) out[e.file] = e.after;
      expect(out).toEqual(cut(files).out);
    }
  });
});
