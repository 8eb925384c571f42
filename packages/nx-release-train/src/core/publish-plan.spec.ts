import { describe, expect, it } from 'vitest';
import type { Workspace } from './model';
import { CRATES_IO_BUDGET } from './publish-eta';
import { formatPlan } from './publish-plan';
import { publishOrder } from './publish-order';

const dep = (crate: string) => ({ key: crate, crate, kind: 'normal' as const, target: null, req: '=1.0.0', optional: false, inherited: false, file: 'x/Cargo.toml', line: 1 });
const crate = (name: string, deps: string[] = []) => ({
  name, dir: name, manifest: `${name}/Cargo.toml`, version: '1.0.0', versionFrom: 'literal' as const, publishable: true, line: '1.x', deps: deps.map(dep),
});
const ws: Workspace = { rootManifest: 'Cargo.toml', version: null, diagnostics: [], members: [crate('base'), crate('mid', ['base']), crate('top', ['mid', 'base'])] };

describe('formatPlan', () => {
  it('prints waves, what is published, and an ETA for the rest', () => {
    const { lines, toPublish } = formatPlan({
      ws,
      order: publishOrder(ws),
      state: { base: 'published', mid: 'exists', top: 'new' },
      where: 'crates.io',
      budget: CRATES_IO_BUDGET,
      publishMs: 30_000,
      parallel: 3,
    });
    expect(toPublish).toEqual(['mid', 'top']);
    expect(lines).toEqual([
      'Publish plan for crates.io: 3 publishable crates in 3 waves',
      '  wave 1: base@1.0.0 (published)',
      '  wave 2: mid@1.0.0',
      '  wave 3: top@1.0.0 (new crate)',
      'Already published: 1 of 3; to publish: 2 (1 new crate)',
      'ETA: about 1 min 00 s with --parallel=3, 30 s per publish (new versions: 30 at once, then 1 every 1 min 00 s; new crates: 5 at once, then 1 every 10 min 00 s)',
    ]);
  });

  it('says when the index could not be read', () => {
    const { lines } = formatPlan({
      ws, order: publishOrder(ws), state: { base: { error: 'HTTP 500' }, mid: 'published', top: 'published' },
      where: 'crates.io', budget: CRATES_IO_BUDGET, publishMs: 1_000, parallel: 1,
    });
    expect(lines).toContain('  wave 1: base@1.0.0 (index unreadable)');
    expect(lines).toContain('  warning: could not read base from the index: HTTP 500');
  });
});
