/**
 * Lockstep versioning, pure core (SPEC §2–§3). Text in, text out: no fs, no git, no clock.
 *
 * Typical use (an executor):
 *
 *   const ws = buildWorkspace(tree);                              // core/workspace.ts
 *   const files = new Map<string, string>();
 *   for (const p of filesToRead(ws, options)) { const t = read(p); if (t !== null) files.set(p, t); }
 *   const plan = planVersions({ workspace: ws, files, options, bump: 'major' });  // may throw PlanError
 *   for (const e of plan.edits) write(e.file, e.after);           // dry run: print renderPlanDiff(plan.edits)
 *
 * planVersions(input: PlanInput): VersionPlan
 *   input.bump: 'major'   the cut: X.Y.Z -> (X+1).0.0, a 0.M.P line -> 0.(M+1).0 (a line whose
 *                         crates diverged in patch: all to the next version of the highest);
 *                         RELEASES.md rotated (top section dropped, template prepended with
 *                         VERSION = new version, archiveLine filled with the OLD version added
 *                         under <!-- ARCHIVE_START -->).
 *               'patch'   every crate X.Y.Z -> X.Y.(Z+1); the top `Unreleased.` of RELEASES.md
 *                         becomes `Released <date>.` (nothing when there is none).
 *               'release' release day: the RELEASES.md dating above; a line still carrying a
 *                         pre-release suffix drops it (X.0.0-rc.N / X.0.0-dev -> X.0.0).
 *               'candidate' the next release candidate on a release branch (X.0.0-dev ->
 *                         X.0.0-rc.1, -rc.N -> -rc.N+1); RELEASES.md untouched.
 *   Pre-release versions (prerelease.ts, SPEC §1b): a main at X.0.0-<devSuffix> cuts to
 *   X+1.0.0-<devSuffix>; headings, archive lines and branch names use X.0.0 (releaseVersionOf);
 *   {version} in versionFiles carries the suffix, {major} {minor} {patch} never do. Lines at
 *   different points of the train, unknown suffixes, a patch before release day and a
 *   candidate after it are refused (stepVersion says why and how to fix it).
 *   input.date: YYYY-MM-DD, required for 'patch' and 'release'.
 *   input.strictPolicy: public/exact requirement policy breaches become errors (default: warnings);
 *                       the policy applies only with options.requirementPolicy 'public-caret'.
 *   Lines (grouping.ts): 'workspace' for inherited versions, else the Cargo compatibility line
 *     of a literal version ('46', '0.19'); options.versionLines regroups (fixed, followWorkspace,
 *     movePrivate, groups). Which lines move (line-moves.ts): the release's own line (and literal
 *     lines on its compatibility line), lines versionLines.follow names, and lines input.history
 *     says changed since their release tag; VersionPlan.staying lists the others with the reason.
 *     input.level 'minor' (with bump 'major') moves the release's line by a minor; versionLines.bump
 *     sets another step per line on a cut. options.requirementUpdates 'unsatisfied' keeps
 *     requirements the new version satisfies. RELEASES.md is edited per options.releaseNotes ('auto': only when
 *     shaped as expected, else a warning says it was left alone).
 *   Edits (bump 'major' | 'patch'):
 *     - `[package] version` of every moving crate with a literal version (a crate moves when
 *       Crate.line is not null: publishable crates, and crates inheriting version.workspace
 *       even when publish = false); the root's `[workspace.package] version`;
 *     - requirements in [dependencies], [dev-dependencies], [build-dependencies],
 *       [workspace.dependencies], [target.'…'.*] (inline, dotted and [dependencies.x] forms),
 *       for entries with a `path` whose crate (`package = '…'`, else the key) moves and that
 *       carry a version, matched by semver (requirements.ts): a single `=`/`^`/`~`/bare
 *       comparator gets the new version at its precision, operator and spacing kept; a range
 *       the new version satisfies (`*`, `>=0.19`) is kept;
 *     - Cargo.lock `[[package]]` entries without `source` (workspace members);
 *     - options.versionFiles patterns ({version} {major} {minor} {patch}, filled from the
 *       primary line: 'workspace' if present, else the only line).
 *   Refusals (PlanError.problems, all of them at once; nothing is half-planned):
 *     a requirement the current version does not satisfy (stale), or a range the new one leaves;
 *     a version file or pattern missing (or matching twice); a stale Cargo.lock entry;
 *     RELEASES.md without separator or archive mark, or already listing the archive line;
 *     a missing template; malformed TOML; a bad date.
 *   Warnings (VersionPlan.warnings): policy breaches (unless strict), a RELEASES.md top section
 *   for another version, a moving crate absent from Cargo.lock.
 *
 * Results (plain data):
 *   VersionPlan { bump; primary: LineBump | null; lines: LineBump[]; crates: CrateBump[];
 *                 edits: FileEdit[]; warnings: Problem[] }
 *   LineBump   { line: 'workspace' | 'N' | '0.M' | group name; from (highest); to; crates: string[] }
 *   CrateBump  { name; line; manifest; publishable; from; to }
 *   FileEdit   { file; before; after; changes: LineChange[] }   (only files that change, by path)
 *   LineChange { line; beforeLine: string | null; afterLine: string | null }: `line` is 1-based in
 *              `before` (in `after` for a pure insertion); texts without line terminator.
 *   Problem    = Diagnostic { level; file; line?; message; fix }; PlanError.problems lists the
 *              errors first, then the warnings found so far; error diagnostics of the workspace
 *              model are included (a crate the model could not read would be missed by the bump).
 *
 * filesToRead(workspace, options): string[]   paths the planner may read (pass those that exist)
 * renderPlanDiff(edits, context=3): string     git-style unified diff of every edit (dry run)
 * unifiedDiff(file, before, after, context=3)  the same for one file ('' when equal)
 * lineChanges(before, after): LineChange[]     changed lines of any two texts (Myers diff)
 * nextVersion(version, bump): string | null    the version arithmetic above
 * parseRequirement(req)                        `=V`, `^V`, bare `V` -> { op, version, offset }, else null
 * scanToml(text): TomlScan                     positions of every value (throws TomlScanError)
 * topSection / rotateReleases / dateReleases   the RELEASES.md rules on their own
 */
export { planVersions, filesToRead, type PlanInput, type VersionPlan, type FileEdit } from './plan';
export { PlanError, formatProblems, type Problem } from './errors';
export { WORKSPACE_LINE, type LineBump, type CrateBump } from './lines';
export { nextVersion, parseRequirement, type BumpKind, type SimpleRequirement } from './versions';
export { unifiedDiff, lineChanges, renderPlanDiff, type LineChange } from './diff';
export { scanToml, TomlScanError, type TomlScan, type TomlEntry, type TomlHeader } from './toml-scan';
export { topSection, rotateReleases, dateReleases } from './releases';
export { stageOf, stepVersion, releaseVersionOf, describeStage, type Stage, type PrereleaseSettings } from './prerelease';
