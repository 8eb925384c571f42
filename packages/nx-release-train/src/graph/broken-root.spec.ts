import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import { buildWorkspace } from '../core/workspace';
import { projectsFor } from './nodes';

describe('a root manifest that does not parse', () => {
  it('keeps the root project and its release targets, and the diagnostic names the manifest', () => {
    const files: Record<string, string> = {
      'Cargo.toml': '[workspace]\nmembers = ["a"\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\n',
    };
    const model = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });
    expect(model.diagnostics).toEqual([expect.objectContaining({ level: 'error', file: 'Cargo.toml', message: expect.stringContaining('not valid TOML') })]);
    const projects = projectsFor(model, DEFAULT_OPTIONS);
    expect(Object.keys(projects)).toEqual(['.']);
    expect(Object.keys(projects['.'].targets ?? {})).toEqual(expect.arrayContaining(['release-major', 'release-patch', 'release-latest', 'release-tag']));
  });

  it('stays the root when a nested workspace (fuzz/) parses, so the commands stay on the root project', () => {
    const files: Record<string, string> = {
      'Cargo.toml': '[package]\nname = "cli"\nversion = "1.0.0"\n[workspace]\nmembers = ["a"]\nversion = = 3\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion = "1.0.0"\n',
      'fuzz/Cargo.toml': '[package]\nname = "fuzz"\nversion = "0.0.0"\npublish = false\n[workspace]\nmembers = ["."]\n',
    };
    const model = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });
    expect(model.rootManifest).toBe('Cargo.toml');
    expect(model.members).toEqual([]);
    const projects = projectsFor(model, DEFAULT_OPTIONS);
    expect(Object.keys(projects)).toEqual(['.']);
    expect(Object.keys(projects['.'].targets ?? {})).toEqual(expect.arrayContaining(['release-major', 'release-tag']));
  });
});
