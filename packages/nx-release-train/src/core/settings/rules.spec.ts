import { describe, expect, it } from 'vitest';
import { resolveOptions } from './options';
import { buildWorkspace } from '../workspace';
import { settingsErrors, settingsRules } from './rules';

const FILES: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["a", "b", "old"]\n\n[workspace.package]\nversion = "0.19.3"\n',
  'a/Cargo.toml': '[package]\nname = "a"\nversion.workspace = true\n',
  'b/Cargo.toml': '[package]\nname = "b"\nversion = "0.19.1"\n',
  'old/Cargo.toml': '[package]\nname = "old"\nversion = "0.110.0"\n',
};
const ws = buildWorkspace({ manifests: Object.keys(FILES), read: (p) => FILES[p] ?? null });

function rules(versionLines: unknown) {
  const { options, problems } = resolveOptions({ versionLines });
  expect(problems).toEqual([]);
  return settingsRules(options, ws).map((d) => `${d.level} ${d.setting} ${d.file}: ${d.message}`);
}

describe('settings rules against the workspace', () => {
  it('accepts the defaults and settings that fit', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ followWorkspace: ['b'], fixed: ['ol*'] })).toEqual([]);
  });

  it('refuses a crate in two groups, and a group named like a built-in line', () => {
    expect(rules({ groups: { x: ['b'], y: ['b*'] } })).toEqual(['error versionLines.groups nx.json: crate b is in groups x and y']);
    expect(rules({ groups: { workspace: ['b'], '0.19': ['old'] } })).toEqual([
      'error versionLines.groups.workspace nx.json: versionLines.groups.workspace: "workspace" is a built-in line name',
      'error versionLines.groups.0.19 nx.json: versionLines.groups.0.19: "0.19" is a built-in line name',
    ]);
  });

  it('refuses a line across compatibility lines, at the crate that does not fit', () => {
    expect(rules({ followWorkspace: ['old'] })).toEqual([
      'error versionLines.followWorkspace old/Cargo.toml: crate old (0.110.0, line 0.110.x) is configured onto line workspace with [workspace.package] (line 0.19.x); a line moves as one compatibility line',
    ]);
    expect(rules({ groups: { mixed: ['b', 'old'] } })[0]).toMatch(
      /^error versionLines\.groups\.mixed old\/Cargo\.toml: crate old .* onto line mixed with b \(line 0\.19\.x\)/,
    );
  });

  it('warns about entries that name no crate, and only errors refuse', () => {
    expect(rules({ fixed: ['olld'], groups: { g: ['b', 'nope-*'] } })).toEqual([
      'warning versionLines.fixed[0] nx.json: versionLines.fixed names "olld", which matches no crate of the workspace',
      'warning versionLines.groups.g[1] nx.json: versionLines.groups.g names "nope-*", which matches no crate of the workspace',
    ]);
    expect(settingsErrors(resolveOptions({ versionLines: { fixed: ['olld'] } }).options, ws)).toEqual([]);
  });
});
