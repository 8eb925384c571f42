import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../settings/options';
import { buildWorkspace } from '../workspace';
import { PlanError, type Problem } from './errors';
import { filesToRead, planVersions, type PlanInput } from './plan';
import type { BumpKind } from './versions';

const ROOT = `[package]
name = "app"
version.workspace = true
publish = false

[workspace]
members = ["crates/*", "cl/*"]

[workspace.package]
version   =   "7.1.0"    # the train's version

[workspace.dependencies]
# public, caret
lib = { path = "crates/lib", version = "7.1.0", default-features = false }
# internal, exact, renamed
core-alias = { path = "crates/core", version = "=7.1.0", package = 'my-core' }
hidden = {path='crates/hidden',version='^7.1.0'}
codegen = { version = "0.20.3", path = "cl/codegen" }
private = { path = "crates/private", version = "=0.0.0" }
registry-lib = { package = "lib", version = "2.0.0" }
serde = "1.0"

[dependencies]
lib = { workspace = true }
`;

const FILES: Record<string, string> = {
  'Cargo.toml': ROOT,
  'crates/lib/Cargo.toml': `[package]
name = "lib"
version.workspace = true

[dependencies]
core-alias.workspace = true
codegen = { workspace = true }

[target.'cfg(unix)'.dependencies]
my-core = { path = "../core", version = "=7.1.0" }

[target."cfg(windows)".dev-dependencies.hidden]
path = "../hidden"
version = "7.1.0" # caret
`,
  'crates/core/Cargo.toml': `[package]
name = "my-core"
version = { workspace = true }
`,
  'crates/hidden/Cargo.toml': `[package]
name = "hidden"
version.workspace = true
publish = false

[dev-dependencies]
private.workspace = true
`,
  'crates/private/Cargo.toml': `[package]
name = "private"
version = "0.0.0"
publish = false
`,
  'cl/codegen/Cargo.toml': `[package]
name    = "codegen"
version = '0.20.3'

[build-dependencies]
meta.path = "../meta"
meta.version = "=0.20.3"
`,
  'cl/meta/Cargo.toml': `[package]
name = "meta"
version = "0.20.3"
`,
  'Cargo.lock': `version = 4

[[package]]
name = "app"
version = "7.1.0"
dependencies = [
 "lib",
]

[[package]]
name = "codegen"
version = "0.20.3"

[[package]]
name = "hidden"
version = "7.1.0"

[[package]]
name = "lib"
version = "2.0.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "lib"
version = "7.1.0"

[[package]]
name = "meta"
version = "0.20.3"

[[package]]
name = "my-core"
version = "7.1.0"

[[package]]
name = "private"
version = "0.0.0"
`,
  'include/app.h': '#define APP_VERSION "7.1.0"\n#define APP_MAJOR 7\n#define APP_MINOR 1\n#define APP_MAJOR_X 70\n',
  'RELEASES.md': `## 7.1.0

Unreleased.

### Fixed

* Something.

--------------------------------------------------------------------------------

## 7.0.0

Unreleased.

<!-- ARCHIVE_START -->
* [6.x](old)
`,
  'ci/RELEASES-template.md': '## VERSION\n\nUnreleased.\n\n--------------------------------------------------------------------------------\n',
};

const OPTIONS: ReleaseTrainOptions = {
  ...DEFAULT_OPTIONS,
  versionFiles: [{ file: 'include/app.h', patterns: ['#define APP_VERSION "{version}"', '#define APP_MAJOR {major}', '#define APP_MINOR {minor}'] }],
  archiveLine: '* [{major}.x](release-{version})',
  publicCrates: ['lib', 'hidden'],
  requirementPolicy: 'public-caret',
  releaseNotes: 'edit',
  // The 0.20 line moves with every release, as Cranelift does with Wasmtime.
  versionLines: { ...DEFAULT_OPTIONS.versionLines, follow: ['codegen', 'meta'] },
};

function input(bump: BumpKind, patch: Record<string, string | undefined> = {}, extra: Partial<PlanInput> = {}): PlanInput {
  const files: Record<string, string> = { ...FILES };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete files[k];
    else files[k] = v;
  }
  const workspace = buildWorkspace({ manifests: Object.keys(files).filter((f) => f.endsWith('Cargo.toml')), read: (p) => files[p] ?? null });
  return { workspace, files, options: OPTIONS, bump, date: '2030-01-20', ...extra };
}

const after = (plan: ReturnType<typeof planVersions>, file: string) => plan.edits.find((e) => e.file === file)?.after;

function problemsOf(i: PlanInput): Problem[] {
  try {
    planVersions(i);
  } catch (e) {
    if (e instanceof PlanError) return e.problems;
    throw e;
  }
  throw new Error('expected a PlanError');
}

const errors = (i: PlanInput) => problemsOf(i).filter((p) => p.level === 'error');

describe('planVersions: major (the cut)', () => {
  const plan = planVersions(input('major'));

  it('moves the workspace line to the next major and the 0.20 line to the next minor', () => {
    expect(plan.lines.map((l) => [l.line, l.from, l.to, l.crates])).toEqual([
      ['workspace', '7.1.0', '8.0.0', ['app', 'my-core', 'hidden', 'lib']],
      ['0.20', '0.20.3', '0.21.0', ['codegen', 'meta']],
    ]);
    expect(plan.primary?.line).toBe('workspace');
    expect(plan.crates.find((c) => c.name === 'hidden')).toMatchObject({ publishable: false, from: '7.1.0', to: '8.0.0' });
  });

  it('rewrites only version texts in the root, keeping spacing, comments, quotes and operators', () => {
    expect(after(plan, 'Cargo.toml')).toBe(
      ROOT.replace('"7.1.0"    #', '"8.0.0"    #')
        .replace('version = "7.1.0", default', 'version = "8.0.0", default')
        .replace('"=7.1.0", package', '"=8.0.0", package')
        .replace("'^7.1.0'", "'^8.0.0'")
        .replace('"0.20.3", path', '"0.21.0", path'),
    );
    // Requirements on a crate that never moves, and on a registry crate, are left alone.
    expect(after(plan, 'Cargo.toml')).toContain('version = "=0.0.0"');
    expect(after(plan, 'Cargo.toml')).toContain('registry-lib = { package = "lib", version = "2.0.0" }');
  });

  it('rewrites target tables, renamed deps, [x.dep] tables and dotted keys', () => {
    expect(after(plan, 'crates/lib/Cargo.toml')).toBe(
      FILES['crates/lib/Cargo.toml'].replace('version = "=7.1.0"', 'version = "=8.0.0"').replace('version = "7.1.0" # caret', 'version = "8.0.0" # caret'),
    );
    expect(after(plan, 'cl/codegen/Cargo.toml')).toBe(FILES['cl/codegen/Cargo.toml'].replace("'0.20.3'", "'0.21.0'").replace('"=0.20.3"', '"=0.21.0"'));
    expect(after(plan, 'cl/meta/Cargo.toml')).toBe(FILES['cl/meta/Cargo.toml'].replace('0.20.3', '0.21.0'));
  });

  it('leaves manifests without literal versions or moving requirements untouched', () => {
    const files = plan.edits.map((e) => e.file);
    for (const f of ['crates/core/Cargo.toml', 'crates/hidden/Cargo.toml', 'crates/private/Cargo.toml']) expect(files).not.toContain(f);
  });

  it('finds a requirement behind a path key spelled with an escape (manifests without "path" are not scanned)', () => {
    const core = `${FILES['crates/core/Cargo.toml']}\n[dev-dependencies]\nhidden = { "p\\u0061th" = "../hidden", version = "7.1.0" }\n`;
    expect(after(planVersions(input('major', { 'crates/core/Cargo.toml': core })), 'crates/core/Cargo.toml')).toBe(core.replace('"7.1.0"', '"8.0.0"'));
  });

  it('updates Cargo.lock entries of members only (registry entries of the same name stay)', () => {
    const lock = after(plan, 'Cargo.lock')!;
    expect(lock).toContain('name = "lib"\nversion = "2.0.0"\nsource');
    expect(lock).toContain('name = "lib"\nversion = "8.0.0"\n');
    expect(lock).toContain('name = "hidden"\nversion = "8.0.0"');
    expect(lock).toContain('name = "app"\nversion = "8.0.0"');
    expect(lock).toContain('name = "meta"\nversion = "0.21.0"');
    expect(lock).toContain('name = "private"\nversion = "0.0.0"');
  });

  it('fills version file patterns, matching whole values only', () => {
    expect(after(plan, 'include/app.h')).toBe('#define APP_VERSION "8.0.0"\n#define APP_MAJOR 8\n#define APP_MINOR 0\n#define APP_MAJOR_X 70\n');
  });

  it('rotates RELEASES.md: template on top, old top section dropped, archive line for the old version', () => {
    expect(after(plan, 'RELEASES.md')).toBe(
      '## 8.0.0\n\nUnreleased.\n\n' + '-'.repeat(80) + '\n\n## 7.0.0\n\nUnreleased.\n\n<!-- ARCHIVE_START -->\n* [7.x](release-7.1.0)\n* [6.x](old)\n',
    );
  });

  it('lists changed lines with their numbers', () => {
    const lock = plan.edits.find((e) => e.file === 'Cargo.lock')!;
    expect(lock.changes[0]).toEqual({ line: 5, beforeLine: 'version = "7.1.0"', afterLine: 'version = "8.0.0"' });
    expect(plan.edits.map((e) => e.file)).toEqual([...plan.edits.map((e) => e.file)].sort());
  });

  it('warns (does not refuse) on policy breaches by default', () => {
    expect(plan.warnings.map((w) => `${w.file}:${w.line} ${w.message.split(',')[0]}`)).toEqual([
      'Cargo.toml:18 requirement on codegen in [workspace.dependencies] uses caret "0.20.3"',
    ]);
  });

  it('has no requirement policy without requirementPolicy (the default)', () => {
    const neutral = planVersions({ ...input('major'), options: { ...OPTIONS, requirementPolicy: 'none' } });
    expect(neutral.warnings).toEqual([]);
    expect(neutral.edits).toEqual(plan.edits);
  });

  it('plans from files given as a Map too', () => {
    const i = input('major');
    expect(planVersions({ ...i, files: new Map(Object.entries(i.files)) }).edits).toEqual(plan.edits);
  });
});

describe('planVersions: patch and release day', () => {
  it('aligns a line whose crates diverged in patch on a major, and moves each by one patch on a patch', () => {
    const diverged = {
      'cl/meta/Cargo.toml': FILES['cl/meta/Cargo.toml'].replace('0.20.3', '0.20.2'),
      'cl/codegen/Cargo.toml': FILES['cl/codegen/Cargo.toml'].replace('"=0.20.3"', '"=0.20.2"'),
      'Cargo.lock': FILES['Cargo.lock'].replace('name = "meta"\nversion = "0.20.3"', 'name = "meta"\nversion = "0.20.2"'),
    };
    const major = planVersions(input('major', diverged));
    expect(major.lines.find((l) => l.line === '0.20')).toMatchObject({ from: '0.20.3', to: '0.21.0', crates: ['codegen', 'meta'] });
    expect(major.crates.filter((c) => c.line === '0.20').map((c) => `${c.name} ${c.from}->${c.to}`)).toEqual(['codegen 0.20.3->0.21.0', 'meta 0.20.2->0.21.0']);
    expect(after(major, 'cl/meta/Cargo.toml')).toContain('version = "0.21.0"');
    expect(after(major, 'cl/codegen/Cargo.toml')).toContain('meta.version = "=0.21.0"');
    const patch = planVersions(input('patch', diverged));
    expect(patch.crates.filter((c) => c.line === '0.20').map((c) => `${c.name} ${c.from}->${c.to}`)).toEqual(['codegen 0.20.3->0.20.4', 'meta 0.20.2->0.20.3']);
    expect(after(patch, 'cl/codegen/Cargo.toml')).toBe(FILES['cl/codegen/Cargo.toml'].replace("'0.20.3'", "'0.20.4'"));
    expect(after(patch, 'Cargo.lock')).toContain('name = "meta"\nversion = "0.20.3"');
    // A pin the diverged crate does not satisfy is stale, diverged line or not.
    const stale = { ...diverged, 'cl/codegen/Cargo.toml': FILES['cl/codegen/Cargo.toml'] };
    expect(errors(input('major', stale)).map((e) => `${e.file}:${e.line}`)).toEqual(['cl/codegen/Cargo.toml:7']);
  });

  it('patch bumps the patch of every line and dates the top section', () => {
    const plan = planVersions(input('patch'));
    expect(plan.lines.map((l) => `${l.from}->${l.to}`)).toEqual(['7.1.0->7.1.1', '0.20.3->0.20.4']);
    expect(after(plan, 'cl/meta/Cargo.toml')).toContain('version = "0.20.4"');
    expect(after(plan, 'include/app.h')).toBe('#define APP_VERSION "7.1.1"\n#define APP_MAJOR 7\n#define APP_MINOR 1\n#define APP_MAJOR_X 70\n');
    expect(after(plan, 'RELEASES.md')).toBe(FILES['RELEASES.md'].replace('Unreleased.', 'Released 2030-01-20.'));
    // The notes are for 7.1.0 while the patch is 7.1.1: worth a warning, not a refusal.
    expect(plan.warnings.map((w) => w.message)).toContain('the top section is 7.1.0, not 7.1.1');
  });

  it('release day changes only RELEASES.md, and only the top section', () => {
    const plan = planVersions(input('release'));
    expect(plan.edits.map((e) => e.file)).toEqual(['RELEASES.md']);
    const text = after(plan, 'RELEASES.md')!;
    expect(text.match(/Unreleased\./g)).toHaveLength(1); // the 7.0.0 section keeps its own
    expect(plan.lines.every((l) => l.from === l.to)).toBe(true);
  });

  it('changes nothing when the top section has no Unreleased.', () => {
    const released = FILES['RELEASES.md'].replace('Unreleased.', 'Released 2030-01-01.');
    expect(planVersions(input('release', { 'RELEASES.md': released })).edits).toEqual([]);
  });

  it('skips absent optional files (Cargo.lock, RELEASES.md)', () => {
    const plan = planVersions(input('patch', { 'Cargo.lock': undefined, 'RELEASES.md': undefined }));
    expect(plan.edits.map((e) => e.file)).not.toContain('Cargo.lock');
    expect(plan.edits.map((e) => e.file)).not.toContain('RELEASES.md');
  });

  it('keeps CRLF line endings', () => {
    const crlf = FILES['cl/meta/Cargo.toml'].replaceAll('\n', '\r\n');
    expect(after(planVersions(input('patch', { 'cl/meta/Cargo.toml': crlf })), 'cl/meta/Cargo.toml')).toBe(crlf.replace('0.20.3', '0.20.4'));
  });
});

describe('planVersions: refusals (all problems at once, each with file, line and fix)', () => {
  it('refuses a requirement the current version does not satisfy (stale), with file, line and fix', () => {
    const bad = FILES['crates/lib/Cargo.toml'].replace('version = "=7.1.0"', 'version = "=7.0.0"');
    expect(errors(input('major', { 'crates/lib/Cargo.toml': bad }))).toEqual([
      {
        level: 'error',
        file: 'crates/lib/Cargo.toml',
        line: 10,
        message:
          'requirement on my-core in [target.cfg(unix).dependencies] is "=7.0.0", which the current version 7.1.0 of my-core does not satisfy (a stale requirement)',
        fix: 'require "7.1.0" (or "=7.1.0") so that the workspace builds against its own my-core, then run the command again',
      },
    ]);
  });

  it('refuses a range the new version falls out of; rewrites a partial version at its precision', () => {
    const bad = ROOT.replace('version = "=7.1.0", package', 'version = ">=7, <8", package').replace('"0.20.3", path', '"0.20", path');
    const errs = errors(input('major', { 'Cargo.toml': bad }));
    expect(errs.map((e) => [e.line, e.message])).toEqual([[16, expect.stringContaining('is ">=7, <8": the range does not admit 8.0.0')]]);
    const ok = ROOT.replace('"0.20.3", path', '"0.20", path');
    expect(after(planVersions(input('major', { 'Cargo.toml': ok })), 'Cargo.toml')).toContain('codegen = { version = "0.21", path = "cl/codegen" }');
  });

  it('refuses a missing version file and a missing or repeated pattern', () => {
    expect(errors(input('major', { 'include/app.h': undefined }))).toEqual([
      expect.objectContaining({ file: 'include/app.h', message: 'version file not found' }),
    ]);
    const errs = errors(input('major', { 'include/app.h': '#define APP_VERSION "7.0.9"\n#define APP_MAJOR 7\n#define APP_MINOR 1\n#define APP_MINOR 1\n' }));
    expect(errs.map((e) => [e.file, e.line, e.message])).toEqual([
      ['include/app.h', undefined, 'pattern "#define APP_VERSION "{version}"" not found: expected "#define APP_VERSION "7.1.0"" for the current version 7.1.0'],
      ['include/app.h', 4, 'pattern "#define APP_MINOR {minor}" matches 2 places ("#define APP_MINOR 1")'],
    ]);
  });

  it('refuses a version file pattern without placeholder (malformed options)', () => {
    const options = { ...OPTIONS, versionFiles: [{ file: 'include/app.h', patterns: ['#define APP_VERSION'] }] };
    expect(errors({ ...input('major'), options })).toEqual([
      expect.objectContaining({ file: 'nx.json', message: expect.stringContaining('has no {version}') }),
    ]);
  });

  it('refuses a stale Cargo.lock entry', () => {
    const lock = FILES['Cargo.lock'].replace('name = "meta"\nversion = "0.20.3"', 'name = "meta"\nversion = "0.19.0"');
    expect(errors(input('major', { 'Cargo.lock': lock }))).toEqual([
      expect.objectContaining({ file: 'Cargo.lock', line: 29, message: expect.stringContaining('meta is locked at 0.19.0 but its manifest says 0.20.3') }),
    ]);
  });

  it.each([
    ['no separator', FILES['RELEASES.md'].replaceAll('-'.repeat(80), '---'), "no separator line (80 '-')"],
    ['no archive mark', FILES['RELEASES.md'].replace('<!-- ARCHIVE_START -->', ''), 'no <!-- ARCHIVE_START --> line'],
    ['archive line already there', FILES['RELEASES.md'].replace('* [6.x](old)', '* [7.x](release-7.1.0)'), 'was cut already'],
  ])('refuses a cut of RELEASES.md with %s', (_name, text, message) => {
    expect(errors(input('major', { 'RELEASES.md': text }))).toEqual([
      expect.objectContaining({ file: 'RELEASES.md', message: expect.stringContaining(message) }),
    ]);
  });

  it('refuses a cut without the release notes template', () => {
    expect(errors(input('major', { 'ci/RELEASES-template.md': undefined }))).toEqual([
      expect.objectContaining({ file: 'ci/RELEASES-template.md', message: 'release notes template not found' }),
    ]);
  });

  it('refuses malformed TOML with its line', () => {
    expect(errors(input('major', { 'cl/meta/Cargo.toml': FILES['cl/meta/Cargo.toml'] + '\n[broken\n' }))).toEqual([
      expect.objectContaining({ file: 'cl/meta/Cargo.toml', line: 5, message: expect.stringContaining('not valid TOML') }),
    ]);
  });

  it('refuses a malformed manifest that has nothing to rewrite (the model reports it)', () => {
    expect(errors(input('major', { 'crates/core/Cargo.toml': FILES['crates/core/Cargo.toml'] + '\n[broken\n' }))).toEqual([
      expect.objectContaining({ file: 'crates/core/Cargo.toml', line: 5 }),
    ]);
  });

  it.each([undefined, '2030-1-5', '2030-13-01'])('refuses date %j on a patch', (date) => {
    expect(errors(input('patch', {}, { date })).map((e) => e.message)).toEqual([`date "${date ?? ''}" is not YYYY-MM-DD`]);
  });

  it('makes policy breaches errors when strict', () => {
    const errs = errors(input('major', {}, { strictPolicy: true }));
    expect(errs.map((e) => `${e.file}:${e.line}`)).toEqual(['Cargo.toml:18']);
    expect(errs[0].fix).toBe('require "=0.20.3", or add codegen to publicCrates');
  });

  it('flags a public crate pinned with "=" as a breach too', () => {
    const pinned = ROOT.replace('version = "7.1.0", default', 'version = "=7.1.0", default');
    const plan = planVersions(input('major', { 'Cargo.toml': pinned }));
    expect(plan.warnings.map((w) => w.line)).toEqual([14, 18]);
    expect(plan.warnings[0].message).toContain('lib is listed in publicCrates');
  });

  it('reports every problem of every kind in one PlanError', () => {
    const problems = errors(
      input('major', {
        'cl/meta/Cargo.toml': FILES['cl/meta/Cargo.toml'] + '\n[broken\n',
        'include/app.h': '',
        'ci/RELEASES-template.md': undefined,
        'crates/lib/Cargo.toml': FILES['crates/lib/Cargo.toml'].replace('"=7.1.0"', '"=7.0.0"'),
      }),
    );
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['cl/meta/Cargo.toml', 'include/app.h', 'ci/RELEASES-template.md', 'crates/lib/Cargo.toml']));
    expect(problems.length).toBeGreaterThanOrEqual(6);
    expect(problems.every((p) => p.fix.length > 0)).toBe(true);
  });
});

describe('release notes without configuration (releaseNotes: auto)', () => {
  const auto = (bump: BumpKind, notes: string) => planVersions({ ...input(bump, { 'RELEASES.md': notes }), options: { ...OPTIONS, releaseNotes: 'auto' } });
  const processDoc = '# Release process\n\n1. Bump the version.\n2. Unreleased. changes go to the changelog.\n';

  it('edits notes of the expected shape as configured ones', () => {
    expect(after(auto('major', FILES['RELEASES.md']), 'RELEASES.md')).toBe(after(planVersions(input('major')), 'RELEASES.md'));
    expect(after(auto('patch', FILES['RELEASES.md']), 'RELEASES.md')).toBe(FILES['RELEASES.md'].replace('Unreleased.', 'Released 2030-01-20.'));
  });

  it.each(['major', 'patch', 'release'] as const)('leaves any other file alone on a %s, saying so once', (bump) => {
    const p = auto(bump, processDoc);
    expect(p.edits.map((e) => e.file)).not.toContain('RELEASES.md');
    expect(p.warnings.filter((w) => w.file === 'RELEASES.md').map((w) => w.message)).toEqual([
      "left alone: no separator line (80 '-') after a top section, so it does not look like release notes this tool edits",
    ]);
  });

  it('leaves notes without archive mark alone on a cut, and never touches them when off', () => {
    const noMark = FILES['RELEASES.md'].replace('<!-- ARCHIVE_START -->\n', '');
    expect(auto('major', noMark).edits.map((e) => e.file)).not.toContain('RELEASES.md');
    const off = planVersions({ ...input('patch'), options: { ...OPTIONS, releaseNotes: 'off' } });
    expect(off.edits.map((e) => e.file)).not.toContain('RELEASES.md');
    expect(off.warnings.filter((w) => w.file === 'RELEASES.md')).toEqual([]);
  });
});

describe('filesToRead', () => {
  it('names every manifest, the lock file, version files and release notes', () => {
    expect(filesToRead(input('major').workspace, OPTIONS).sort()).toEqual(
      [
        'Cargo.toml',
        'crates/lib/Cargo.toml',
        'crates/core/Cargo.toml',
        'crates/hidden/Cargo.toml',
        'crates/private/Cargo.toml',
        'cl/codegen/Cargo.toml',
        'cl/meta/Cargo.toml',
        'Cargo.lock',
        'include/app.h',
        'RELEASES.md',
        'ci/RELEASES-template.md',
      ].sort(),
    );
  });
});
