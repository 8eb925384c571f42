import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseStatusCommand } from '../../packages/nx-release-train/src/commands/release-status';
import { releaseStatusFlags } from '../../packages/nx-release-train/src/core/flags/release-status';
import type { Status } from '../../packages/nx-release-train/src/core/status/types';
import { runCommand } from '../support/command';
import { REPOSITORY, startStatusTrain, type StatusTrain } from '../support/status-train';

// One repository for the file (building it is most of the cost); the --issue test, which
// adds to the registry, runs last.
let train: StatusTrain | undefined;
beforeAll(async () => {
  train = await startStatusTrain();
});
afterAll(() => train?.stop());

/** A table row of the output, split into its cells. */
const rowOf = (out: string, first: string) =>
  out
    .split('\n')
    .find((l) => l.trimStart().startsWith(`${first} `))
    ?.trim()
    .split(/\s{2,}/);

const status = (flags: Record<string, unknown>, env = train!.env) =>
  runCommand(releaseStatusCommand, releaseStatusFlags, { root: train!.dir, flags, env, services: train!.services });

describe('release-status (in-process)', () => {
  it('shows three lines, the open patch, the half-published candidate, the release platforms, the binding and the warnings', async () => {
    const run = await status({ summary: true });
    expect(run.ok).toBe(true);
    const out = run.out;
    expect(out).toContain(`Release train of ${REPOSITORY} on 2026-10-01: main at 50.0.0-dev`);
    expect(out).toContain('Next cut 2026-10-05 (day 5), next release day 2026-10-20 (day 20)');
    const row = (first: string) => rowOf(out, first);
    expect(row('release-49.0.0')).toEqual([
      'release-49.0.0',
      '49.0.0-rc.2',
      'rc.2',
      'current',
      '2026-09-05',
      '-',
      'v49.0.0-rc.2',
      '1/2 crates; not yanked: wt-a@49.0.0-rc.1',
      'pre-release, 1/2 platforms (missing aarch64-macos)',
    ]);
    expect(row('release-48.0.0')).toEqual([
      'release-48.0.0',
      '48.0.0',
      'released',
      'previous, LTS until 2028-08-05',
      '2026-08-05',
      '2026-08-20',
      'v48.0.0',
      '2/2 crates',
      'release, 2/2 platforms',
    ]);
    expect(row('release-24.0.0')).toEqual([
      'release-24.0.0',
      '24.0.14',
      'final, not tagged',
      'end of life since 2026-08-05',
      '2024-08-05',
      '-',
      'v24.0.13',
      '0/2 crates',
      'no GitHub release',
    ]);
    // Only the train's pull requests (not feature/x), with their age.
    expect(row('#1')).toEqual(['#1', 'patch', 'Release Wasmtime 48.0.1', 'ci/release-48.0.1', 'release-48.0.0', '11 days']);
    expect(out).not.toContain('feature/x');
    expect(row('py')).toEqual(['py', 'bytecodealliance/wasmtime-py', '48.0.0', 'no', '#1']);
    expect(out).toContain('release-24.0.0 is past its end of life (since 2026-08-05) and still gets patches: a commit on 2026-09-10');
    expect(out).toMatch(
      /release-24\.0\.0's tip [0-9a-f]{12} carries \[automatically-tag-and-release-this-commit\] but is not tagged \(version 24\.0\.14; tags as this clone and GitHub know them\)/,
    );
    expect(out).toContain('pull request #1 "Release Wasmtime 48.0.1" (ci/release-48.0.1 into release-48.0.0) has been open for 11 days');
    expect(out).not.toContain('Skipped');

    const md = readFileSync(train!.summary, 'utf8');
    expect(md).toContain(
      '| release-49.0.0 | 49.0.0-rc.2 | rc.2 | current | 2026-09-05 | - | v49.0.0-rc.2 | 1/2 crates; not yanked: wt-a@49.0.0-rc.1 | pre-release, 1/2 platforms (missing aarch64-macos) |',
    );
    expect(md).toContain('| #1 | patch | Release Wasmtime 48.0.1 | ci/release-48.0.1 | release-48.0.0 | 11 days |');
    expect(md).toContain('| py | bytecodealliance/wasmtime-py | 48.0.0 | no | #1 |');
  });

  it('--json prints the versioned model: stages, support, publish per wave, warnings', async () => {
    const run = await status({ json: true });
    const json = JSON.parse(run.out) as Status;
    expect(json.version).toBe(1);
    expect(json.main).toEqual({ branch: 'main', version: '50.0.0-dev', stage: '-dev' });
    expect(json.lines.map((l) => [l.branch, l.stage, l.support.status, l.support.ltsUntil, l.support.eolSince])).toEqual([
      ['release-49.0.0', 'rc.2', 'current', null, null],
      ['release-48.0.0', 'released', 'previous', '2028-08-05', null],
      ['release-24.0.0', 'final, not tagged', 'eol', '2026-08-05', '2026-08-05'],
    ]);
    expect(json.lines[0].publish).toEqual({
      published: 1,
      total: 2,
      crates: [
        { name: 'wt-a', version: '49.0.0-rc.2', wave: 0, published: true },
        { name: 'wt-b', version: '49.0.0-rc.2', wave: 1, published: false },
      ],
      unyanked: ['wt-a@49.0.0-rc.1'],
    });
    expect(json.lines[0].release!.platforms).toEqual([
      { platform: 'x86_64-linux', attached: true },
      { platform: 'aarch64-macos', attached: false },
    ]);
    expect(json.pulls!.map((p) => [p.number, p.kind, p.ageDays])).toEqual([[1, 'patch', 11]]);
    expect(json.warnings.map((w) => w.kind)).toEqual(['eol-patched', 'untagged-release', 'stale-pull']);
    expect(json.next).toEqual([
      'release day 2026-10-20: nx release-latest proposes 49.0.0 on release-49.0.0',
      'next cut 2026-10-05: nx release-major branches main and proposes its bump',
      'review and merge #1 "Release Wasmtime 48.0.1" into release-48.0.0',
      'v49.0.0-rc.2: 1 of 2 crates not in the index yet (wt-b): let the publish job finish, or rerun it (nx run-many -t publish resumes)',
      'v49.0.0-rc.2: published without the archives of aarch64-macos: a published release takes no more assets (immutable releases); attach them by hand if the repository allows it, or release a new version',
    ]);
    expect(json.skipped).toEqual([]);
  });

  /** The candidate line when GitHub could not be read: git and the registry still show. */
  const ROW_49_WITHOUT_GITHUB = [
    'release-49.0.0',
    '49.0.0-rc.2',
    'rc.2',
    'current',
    '2026-09-05',
    '-',
    'v49.0.0-rc.2',
    '1/2 crates; not yanked: wt-a@49.0.0-rc.1',
    'not read',
  ];

  it('without a token: the GitHub parts are said skipped, once; git and the registry still show', async () => {
    const { GITHUB_TOKEN: _, ...env } = train!.env;
    const seen = train!.api.state.requests.length;
    const run = await status({ issue: true }, env);
    expect(run.ok).toBe(true);
    expect(rowOf(run.out, 'github')).toEqual([
      'github',
      'no token in GITHUB_TOKEN: pull requests, GitHub releases and bindings skipped; --issue: the status issue was not updated',
    ]);
    expect(run.out.match(/GITHUB_TOKEN/g)).toHaveLength(1);
    expect(rowOf(run.out, 'release-49.0.0')).toEqual(ROW_49_WITHOUT_GITHUB);
    expect(run.out).not.toContain('Open pull requests');
    expect(train!.api.state.requests.length).toBe(seen);
  });

  it('GitHub unreachable: said once, and the rest still shows', async () => {
    // A port nothing listens on: taken from the system, then freed.
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    server.close();
    const run = await status({}, { ...train!.env, GITHUB_API_URL: `http://127.0.0.1:${port}` });
    expect(run.ok).toBe(true);
    const skipped = run.out.slice(run.out.indexOf('Skipped:'));
    expect(skipped.split('\n').filter((l) => l.startsWith('  github') || l.startsWith('  bindings'))).toHaveLength(1);
    expect(rowOf(run.out, 'github')![1]).toMatch(
      /^GitHub API: list the open pull requests of bytecodealliance\/wasmtime failed \(no answer\): .*ECONNREFUSED.*; pull requests, GitHub releases and bindings skipped$/,
    );
    expect(rowOf(run.out, 'release-49.0.0')).toEqual(ROW_49_WITHOUT_GITHUB);
  });

  it('--issue opens the status issue once, then edits the same one', async () => {
    const first = await status({ issue: true });
    expect(first.out).toContain('opened the status issue #3');
    const repo = train!.api.state.repo(REPOSITORY)!;
    expect(repo.issues.map((i) => [i.number, i.title, i.labels])).toEqual([[3, 'Release train status', ['release-train-status']]]);
    expect(repo.issues[0].body).toContain(
      '| release-49.0.0 | 49.0.0-rc.2 | rc.2 | current | 2026-09-05 | - | v49.0.0-rc.2 | 1/2 crates; not yanked: wt-a@49.0.0-rc.1 |',
    );

    expect((await status({ issue: true })).out).toContain('the status issue #3 is current');
    // The rest of the candidate lands: the same issue now says so.
    train!.registry.seed({ name: 'wt-b', vers: '49.0.0-rc.2', deps: [], features: {} }, Buffer.from('b'));
    const again = await status({ issue: true });
    expect(again.out).toContain('updated the status issue #3');
    expect(repo.issues).toHaveLength(1);
    expect(repo.issues[0].body).toContain('| v49.0.0-rc.2 | 2/2 crates; not yanked: wt-a@49.0.0-rc.1, wt-b@49.0.0-rc.1 |');
    expect(repo.issues[0].body).toContain('v49.0.0-rc.2 is fully published but superseded candidates are still not yanked');
  });
});
