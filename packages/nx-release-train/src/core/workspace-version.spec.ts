import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './workspace';

const build = (files: Record<string, string>) => buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });

describe('a [package] version cargo rejects', () => {
  it('`version.workspace = false` is an error naming file and line, not a publishable 0.0.0', () => {
    const ws = build({
      'Cargo.toml': '[workspace]\nmembers = ["a"]\n\n[workspace.package]\nversion = "5.0.0"\n',
      'a/Cargo.toml': '[package]\nname = "a"\nversion.workspace = false\n',
    });
    expect(ws.members.map((m) => m.name)).toEqual([]);
    expect(ws.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'a/Cargo.toml',
        line: 3,
        message: expect.stringContaining('neither a version string nor `version.workspace = true`'),
      }),
    ]);
  });

  it('a number is refused too', () => {
    const ws = build({ 'Cargo.toml': '[package]\nname = "solo"\nversion = 1\n' });
    expect(ws.diagnostics.map((d) => d.level)).toEqual(['error']);
  });
});
