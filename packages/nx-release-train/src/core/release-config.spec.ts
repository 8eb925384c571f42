/** nx.json's release section from the workspace model: one fixed group per version line, publishable crates only. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from './settings/options';
import { commonPrefix, releaseSection } from './release-config';
import { PlanError } from './version/errors';
import { buildWorkspace } from './workspace';

const files: Record<string, string> = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*", "cranelift/*"]\n\n[workspace.package]\nversion = "49.0.0-dev"\n',
  'crates/rt/Cargo.toml': '[package]\nname = "rt"\nversion.workspace = true\n',
  'crates/cli/Cargo.toml': '[package]\nname = "cli"\nversion.workspace = true\n',
  'crates/test-util/Cargo.toml': '[package]\nname = "test-util"\nversion.workspace = true\npublish = false\n',
  'cranelift/codegen/Cargo.toml': '[package]\nname = "cranelift-codegen"\nversion = "0.136.0-dev"\n',
  'cranelift/entity/Cargo.toml': '[package]\nname = "cranelift-entity"\nversion = "0.136.0-dev"\n',
  'cranelift/tools/Cargo.toml': '[package]\nname = "cranelift-tools"\nversion = "0.0.0"\npublish = false\n',
};
const ws = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });

describe('releaseSection', () => {
  it('groups the publishable crates by version line, tags the workspace line with tagPattern', () => {
    const section = releaseSection(ws, DEFAULT_OPTIONS);
    expect(section.groups).toEqual({
      workspace: { projectsRelationship: 'fixed', projects: ['cli', 'rt'], releaseTag: { pattern: 'v{version}' } },
      cranelift: { projectsRelationship: 'fixed', projects: ['cranelift-codegen', 'cranelift-entity'], releaseTag: { pattern: 'cranelift-v{version}' } },
    });
    expect(section.version).toEqual({ versionActions: 'nx-release-train/version-actions', currentVersionResolver: 'disk', updateDependents: 'never' });
    expect(section.changelog).toEqual({ workspaceChangelog: false, projectChangelogs: false });
  });

  it('follows the versionLines settings (a crate fixed in place is in no group)', () => {
    const section = releaseSection(ws, { ...DEFAULT_OPTIONS, versionLines: { ...DEFAULT_OPTIONS.versionLines, fixed: ['cranelift-entity'] } });
    expect(section.groups['cranelift-codegen'].projects).toEqual(['cranelift-codegen']);
    expect(section.groups.workspace.projects).toEqual(['cli', 'rt']);
  });

  it('names a line after its crates, else after the line', () => {
    expect(commonPrefix(['cranelift-codegen', 'cranelift-codegen-meta'])).toBe('cranelift-codegen');
    expect(commonPrefix(['a-b', 'c-d'])).toBeNull();
  });

  it('refuses invalid versionLines settings', () => {
    const bad = {
      ...DEFAULT_OPTIONS,
      versionLines: { ...DEFAULT_OPTIONS.versionLines, groups: { one: ['cranelift-*'], two: ['cranelift-codegen'] } },
    };
    expect(() => releaseSection(ws, bad)).toThrow(PlanError);
  });
});
