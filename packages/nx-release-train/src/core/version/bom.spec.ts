import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { planVersions } from './plan';

// cargo accepts a UTF-8 byte-order mark at the start of a manifest; so does the train, and keeps it.
const FILES: Record<string, string> = {
  'Cargo.toml': '\ufeff[workspace]\nmembers = ["a"]\n\n[workspace.package]\nversion = "3.0.0"\n',
  'a/Cargo.toml': '\ufeff[package]\nname = "a"\nversion.workspace = true\n',
};

describe('a manifest with a byte-order mark', () => {
  it('is read and bumped, and keeps its mark', () => {
    const workspace = buildWorkspace({ manifests: Object.keys(FILES), read: (p) => FILES[p] ?? null });
    expect(workspace.diagnostics).toEqual([]);
    expect(workspace.members.map((m) => m.name)).toEqual(['a']);
    const plan = planVersions({ workspace, files: new Map(Object.entries(FILES)), options: DEFAULT_OPTIONS, bump: 'patch', date: '2026-12-01' });
    const root = plan.edits.find((e) => e.file === 'Cargo.toml')!;
    expect(root.after).toBe('\ufeff[workspace]\nmembers = ["a"]\n\n[workspace.package]\nversion = "3.0.1"\n');
  });
});
