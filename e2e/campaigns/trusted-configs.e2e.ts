/**
 * Issue 21's "done when": on the bundled example with trusted publishing, a fresh registry (in
 * crates.io's mode: configs matched, tokens scoped to their crates) goes from no config to a
 * complete release with one release-trust and one publish, every crate uploaded exactly once.
 */
import { describe, expect, it } from 'vitest';
import { releaseTrustCommand } from '../../packages/nx-release-train/src/commands/release-trust';
import { releaseTrustFlags } from '../../packages/nx-release-train/src/core/flags/release-trust';
import { runCommand } from '../support/command';
import { hasCargo, publishEveryCrate } from '../support/publish';
import { setupTrusted, trustedEnv } from '../support/trusted';

describe.skipIf(!hasCargo)('trusted publishing from no config to a release', () => {
  it('release-trust, then publish: every crate once, with trusted-publishing tokens only', async () => {
    const s = await setupTrusted();
    const trust = await runCommand(releaseTrustCommand, releaseTrustFlags, { root: s.ws.dir, env: trustedEnv(s) });
    expect(trust.ok, trust.out).toBe(true);
    expect(trust.out).toContain(`release-trust: 0 existing, ${s.crates.size} created, 0 refused`);

    const run = await publishEveryCrate(s, {}, trustedEnv(s));
    expect(run.ok, run.out).toBe(true);
    expect(run.out).toContain(`trusted-publishing configs: ${s.crates.size} checked for local/workspace, workflow release-train.yml, environment publish`);
    for (const [name, { version }] of s.crates) {
      expect(s.reg.published(name), name).toEqual(['0.0.1', version]);
      expect(
        s.reg.events.filter((e) => e.route === 'publish' && e.crate === name && e.status === 200),
        name,
      ).toHaveLength(1);
    }
    // Every token minted was scoped to exactly the crates release-trust registered.
    expect(s.reg.trusted.minted.length).toBeGreaterThan(0);
    for (const t of s.reg.trusted.minted) expect([...(t.crates ?? [])].sort()).toEqual([...s.crates.keys()].sort());
    expect(run.out).not.toContain(s.reg.trustToken);
  });
});
