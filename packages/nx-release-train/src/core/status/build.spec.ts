import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../settings/options';
import { buildStatus } from './build';
import { pullKind } from './pulls';
import { markdown, textTable } from './sections';
import { addMonths, nextDay, supportOf } from './support';
import type { Gathered, GatheredLine } from './types';

const options: ReleaseTrainOptions = { ...DEFAULT_OPTIONS, supportedLines: 2, ltsEvery: 12, ltsMonths: 24, candidates: true };

const line = (branch: string, version: string, cutDate: string, more: Partial<GatheredLine> = {}): GatheredLine => ({
  branch,
  line: branch.replace(/^release-(\d+)\..*/, '$1'),
  version,
  cutDate,
  releaseDate: null,
  tip: 'a'.repeat(40),
  tipDate: cutDate,
  tipMarked: false,
  tipTag: null,
  newestTag: null,
  publish: null,
  release: null,
  ...more,
});

const gathered = (lines: GatheredLine[], more: Partial<Gathered> = {}): Gathered => ({
  today: '2026-10-01',
  repository: 'o/r',
  main: { branch: 'main', version: '50.0.0-dev' },
  lines,
  pulls: [],
  bindings: null,
  skipped: [],
  ...more,
});

const NOW = Date.parse('2026-10-01T12:00:00Z');

describe('dates', () => {
  it('adds months keeping the day, clamped to the month', () => {
    expect(addMonths('2024-08-05', 24)).toBe('2026-08-05');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-20', 2)).toBe('2027-01-20');
  });
  it('finds the next cut and release day, today included', () => {
    expect(nextDay('2026-10-01', 5)).toBe('2026-10-05');
    expect(nextDay('2026-10-05', 5)).toBe('2026-10-05');
    expect(nextDay('2026-10-06', 5)).toBe('2026-11-05');
    expect(nextDay('2026-12-21', 20)).toBe('2027-01-20');
  });
});

describe('support under the policy', () => {
  it('current, previous (with LTS), LTS until a date, end of life since a date', () => {
    const lines = [
      line('release-49.0.0', '49.0.0-rc.2', '2026-09-05'),
      line('release-48.0.0', '48.0.0', '2026-08-05'),
      line('release-47.0.0', '47.0.0', '2026-07-05'),
      line('release-36.0.0', '36.0.3', '2025-08-05'),
      line('release-24.0.0', '24.0.13', '2024-08-05'),
    ];
    const s = supportOf(lines, options, '2026-10-01');
    expect(s.get('release-49.0.0')).toEqual({ status: 'current', ltsUntil: null, eolSince: null });
    expect(s.get('release-48.0.0')).toEqual({ status: 'previous', ltsUntil: '2028-08-05', eolSince: null });
    // 47 dropped out when 49 was cut.
    expect(s.get('release-47.0.0')).toEqual({ status: 'eol', ltsUntil: null, eolSince: '2026-09-05' });
    expect(s.get('release-36.0.0')).toEqual({ status: 'lts', ltsUntil: '2027-08-05', eolSince: null });
    expect(s.get('release-24.0.0')).toEqual({ status: 'eol', ltsUntil: '2026-08-05', eolSince: '2026-08-05' });
  });
});

describe('support of minor lines and of two branches on one line', () => {
  it('ranks each minor line as release-patch counts it', () => {
    const minor = (v: string, cut: string) => line(`release-${v}`, v, cut, { line: v.split('.').slice(0, 2).join('.') });
    const s = supportOf([minor('1.257.0', '2026-09-05'), minor('1.256.0', '2026-08-05'), minor('1.255.0', '2026-07-05')], options, '2026-10-01');
    expect([...s].map(([b, x]) => [b, x.status])).toEqual([
      ['release-1.257.0', 'current'],
      ['release-1.256.0', 'previous'],
      ['release-1.255.0', 'eol'],
    ]);
  });
  it('counts a line with two branches once, on its newest', () => {
    const s = supportOf([line('release-4.0.0', '4.0.2', '2026-08-05'), line('release-4.0.3', '4.0.3', '2026-09-05')], options, '2026-10-01');
    expect(s.get('release-4.0.3')?.status).toBe('current');
    expect(s.get('release-4.0.0')).toEqual({ status: 'eol', ltsUntil: null, eolSince: '2026-09-05' });
  });
});

describe('pull kinds', () => {
  it('reads the kind back from the review branch names', () => {
    expect(pullKind('ci/bump-to-50.0.0-dev', options)).toBe('bump');
    expect(pullKind('ci/rc-49.0.0-rc.2', options)).toBe('candidate');
    expect(pullKind('ci/release-49.0.0', options)).toBe('release');
    expect(pullKind('ci/release-48.0.1', options)).toBe('patch');
    expect(pullKind('feature/x', options)).toBeNull();
  });
});

describe('buildStatus', () => {
  it('stages, schedule, and the warnings to act on', () => {
    const status = buildStatus(
      gathered(
        [
          line('release-49.0.0', '49.0.0-rc.2', '2026-09-05', { newestTag: { name: 'v49.0.0-rc.2', version: '49.0.0-rc.2', date: '2026-09-06' } }),
          line('release-48.0.0', '48.0.0', '2026-08-05', { newestTag: { name: 'v48.0.0', version: '48.0.0', date: '2026-08-20' } }),
          line('release-24.0.0', '24.0.14', '2024-08-05', {
            tipDate: '2026-09-10',
            tipMarked: true,
            newestTag: { name: 'v24.0.13', version: '24.0.13', date: '2026-08-20' },
          }),
        ],
        {
          pulls: [
            {
              number: 7,
              title: 'Release Wasmtime 48.0.1',
              url: 'u7',
              head: 'ci/release-48.0.1',
              base: 'release-48.0.0',
              createdAt: '2026-09-20T00:00:00Z',
              kind: 'patch',
            },
            { number: 8, title: 'Bump', url: 'u8', head: 'ci/bump-to-51.0.0-dev', base: 'main', createdAt: '2026-09-30T00:00:00Z', kind: 'bump' },
          ],
        },
      ),
      options,
      NOW,
    );
    expect(status.version).toBe(1);
    expect(status.main.stage).toBe('-dev');
    expect(status.schedule).toEqual({ cutDay: 5, releaseDay: 20, nextCut: '2026-10-05', nextRelease: '2026-10-20' });
    expect(status.lines.map((l) => l.stage)).toEqual(['rc.2', 'released', 'final, not tagged']);
    expect(status.pulls!.map((p) => p.ageDays)).toEqual([11, 1]);
    expect(status.warnings.map((w) => w.kind)).toEqual(['eol-patched', 'untagged-release', 'stale-pull']);
    expect(status.warnings[0].message).toBe('release-24.0.0 is past its end of life (since 2026-08-05) and still gets patches: a commit on 2026-09-10');
    expect(status.next).toEqual([
      'release day 2026-10-20: nx release-latest proposes 49.0.0 on release-49.0.0',
      'the cut: review and merge #8 "Bump"',
      'review and merge #7 "Release Wasmtime 48.0.1" into release-48.0.0',
    ]);
    expect(status.warnings[2].message).toContain('#7 "Release Wasmtime 48.0.1" (ci/release-48.0.1 into release-48.0.0) has been open for 11 days');
  });

  it('sends a draft lacking platforms to a rerun of the assets job, and says a published one takes no more', () => {
    const withRelease = (draft: boolean) =>
      line('release-5.0.0', '5.0.0', '2026-09-05', {
        newestTag: { name: 'v5.0.0', version: '5.0.0', date: '2026-09-20' },
        release: {
          url: 'u',
          exists: true,
          draft,
          prerelease: false,
          platforms: [
            { platform: 'x86_64-linux', attached: true },
            { platform: 'aarch64-macos', attached: false },
          ],
        },
      });
    const next = (draft: boolean) => buildStatus(gathered([withRelease(draft)]), options, NOW).next.filter((n) => n.startsWith('v5.0.0'));
    expect(next(true)).toEqual([
      "v5.0.0: the draft release lacks the archives of aarch64-macos: rerun the failed build jobs, then the assets job (its nx release-assets publishes the release once every platform's files are there)",
    ]);
    expect(next(false)).toEqual([
      'v5.0.0: published without the archives of aarch64-macos: a published release takes no more assets (immutable releases); attach them by hand if the repository allows it, or release a new version',
    ]);
  });

  it('counts a tip tagged only on GitHub as released, with no warning', () => {
    const l = line('release-5.0.0', '5.0.1', '2026-09-05', {
      tipMarked: true,
      tipTag: 'v5.0.1 (on GitHub; git fetch --tags)',
      newestTag: { name: 'v5.0.0', version: '5.0.0', date: '2026-09-20' },
    });
    const status = buildStatus(gathered([l]), options, NOW);
    expect(status.lines[0].stage).toBe('released');
    expect(status.warnings).toEqual([]);
  });

  it('says what was skipped, and no warning from a source not read', () => {
    const status = buildStatus(
      gathered([line('release-5.0.0', '5.0.0', '2026-09-05')], { pulls: null, skipped: [{ source: 'github', reason: 'no token in GITHUB_TOKEN' }] }),
      options,
      NOW,
    );
    expect(status.warnings).toEqual([]);
    expect(textTable(status)).toContain('github  no token in GITHUB_TOKEN');
    expect(textTable(status)).not.toContain('Open pull requests');
    expect(markdown(status)).toContain('| github | no token in GITHUB_TOKEN |');
  });

  it('shows a half-published tag and its unyanked candidates in one table cell', () => {
    const l = line('release-49.0.0', '49.0.0-rc.2', '2026-09-05', {
      newestTag: { name: 'v49.0.0-rc.2', version: '49.0.0-rc.2', date: '2026-09-06' },
      publish: { published: 1, total: 2, crates: [], unyanked: ['a@49.0.0-rc.1'] },
    });
    const md = markdown(buildStatus(gathered([l]), options, NOW));
    expect(md).toContain(
      '| release-49.0.0 | 49.0.0-rc.2 | rc.2 | current | 2026-09-05 | - | v49.0.0-rc.2 | 1/2 crates; not yanked: a@49.0.0-rc.1 | not read |',
    );
  });
});
