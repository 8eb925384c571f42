/**
 * Trusted publishing set up and checked before the first upload (issue 21), in-process against
 * the local registry in trusted-publishing mode (configs matched by the exchange, tokens scoped
 * to the matched crates): release-trust creates one config per crate and a rerun none; a crate
 * whose config names another workflow is refused by the preflight (publish and publish-plan)
 * with nothing uploaded, and a workflow_run event before any request to the exchange.
 * The full release after release-trust is a campaign (e2e/campaigns/trusted-configs.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { publishPlanCommand } from '../../packages/nx-release-train/src/commands/publish-plan';
import { releaseTrustCommand } from '../../packages/nx-release-train/src/commands/release-trust';
import { publishPlanFlags } from '../../packages/nx-release-train/src/core/flags/publish-plan';
import { releaseTrustFlags } from '../../packages/nx-release-train/src/core/flags/release-trust';
import { runCommand } from '../support/command';
import { hasCargo, publishEveryCrate } from '../support/publish';
import { configOf, setupTrusted, trustedEnv } from '../support/trusted';

describe.skipIf(!hasCargo)('release-trust and the trusted-publishing preflight (in-process)', () => {
  it('creates one config per crate on a fresh registry, a rerun creates none, a crate at 5 configs is refused by name', async () => {
    const s = await setupTrusted();
    const names = [...s.crates.keys()];
    const full = names[names.length - 1];
    for (let i = 1; i <= 5; i++) s.reg.configs.create({ github_config: configOf(full, { workflow_filename: `old-${i}.yml` }) }, () => true, Date.now());
    const trust = (flags: Record<string, unknown> = {}) => runCommand(releaseTrustCommand, releaseTrustFlags, { root: s.ws.dir, flags, env: trustedEnv(s) });

    const dry = await trust({ dryRun: true });
    expect(dry.out).toMatch(new RegExp(`^${names[0]}\\s+would create\\s+local/workspace release-train.yml \\(environment publish\\)$`, 'm'));
    expect(dry.out).toContain(`release-trust: 0 existing, ${names.length - 1} to create (dry run: nothing created), 1 refused`);
    expect(s.reg.configs.all).toHaveLength(5);

    const first = await trust();
    expect(first.ok).toBe(false);
    expect(first.out).toMatch(new RegExp(`^${full}\\s+refused\\s+${full} already has 5 trusted-publishing configs`, 'm'));
    expect(first.out).toContain(`release-trust: refused: ${full}`);
    for (const n of names.filter((x) => x !== full)) {
      expect(
        s.reg.configs.list(n).map((c) => [c.repository_owner, c.repository_name, c.workflow_filename, c.environment]),
        n,
      ).toEqual([['local', 'workspace', 'release-train.yml', 'publish']]);
    }
    expect(s.reg.configs.list(full)).toHaveLength(5);

    const configs = s.reg.configs.all.length;
    const again = await trust();
    expect(again.out).toContain(`release-trust: ${names.length - 1} existing, 0 created, 1 refused`);
    expect(s.reg.configs.all).toHaveLength(configs);
    expect(s.reg.events.filter((e) => e.route === 'configs' && e.method === 'POST' && e.status === 200)).toHaveLength(names.length - 1);
    expect(s.reg.events.filter((e) => e.route === 'configs' && e.method === 'DELETE')).toEqual([]);
    for (const run of [dry, first, again]) expect(run.out).not.toContain(s.reg.trustToken);
  });

  it('refuses a workflow_run run before any request to the exchange; then every crate whose config names another workflow file, before anything is uploaded; publish-plan shows the same', async () => {
    const s = await setupTrusted();
    const event = await publishEveryCrate(s, {}, trustedEnv(s, { GITHUB_EVENT_NAME: 'workflow_run' }));
    expect(event.ok).toBe(false);
    expect(event.out).toContain(
      'refused: this run was started by a `workflow_run` event, whose OIDC tokens crates.io refuses for trusted publishing. Fix: publish from a run started by `push` of a release tag',
    );
    expect(s.reg.events.filter((e) => e.route === 'trusted' || e.route === 'publish' || e.route === 'oidc')).toEqual([]);

    const names = [...s.crates.keys()];
    const [other, missing] = [names[0], names[names.length - 1]];
    for (const n of names.filter((x) => x !== missing)) {
      s.reg.configs.create({ github_config: configOf(n, n === other ? { workflow_filename: 'nightly.yml' } : {}) }, () => true, Date.now());
    }
    const run = await publishEveryCrate(s, {}, trustedEnv(s));
    expect(run.ok).toBe(false);
    for (const n of [other, missing]) {
      expect(run.out).toContain(
        `refused: ${n} has no trusted-publishing config on registry "local" for this run (local/workspace, workflow release-train.yml, environment publish): its upload would be refused. Fix: run \`nx release-trust\``,
      );
    }
    expect(run.out.match(/has no trusted-publishing config/g)).toHaveLength(2);
    expect(s.reg.events.filter((e) => e.route === 'publish')).toEqual([]);
    expect(s.reg.oidc.issued).toEqual([]);

    const plan = await runCommand(publishPlanCommand, publishPlanFlags, { root: s.ws.dir, env: trustedEnv(s) });
    expect(plan.ok).toBe(false);
    expect(plan.out).toContain(`refused: ${other} has no trusted-publishing config`);
  });
});
