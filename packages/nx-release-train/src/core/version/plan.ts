/**
 * The version planner: from the workspace model, the texts of the files involved and the
 * options, it computes every version move and every file edit as plain data. It never reads or
 * writes anything itself; applying the plan is the caller's job (write each edit's `after`).
 */
import type { Workspace } from '../model';
import type { ReleaseTrainOptions } from '../settings/options';
import { fillPattern } from '../settings/pattern';
import { PlanContext } from './plan-context';
import { lineChanges, type LineChange } from './diff';
import type { Problem } from './errors';
import { computeLines, type CrateBump, type LineBump, type LineStay } from './lines';
import type { CutLevel, LineHistory } from './line-moves';
import { planLockfile } from './lockfile';
import { planManifests } from './manifests';
import { releaseVersionOf } from './prerelease';
import { dateReleases, rotateReleases, shapeProblem, topSection } from './releases';
import { planVersionFiles } from './version-files';
import type { BumpKind } from './versions';

export interface PlanInput {
  workspace: Workspace;
  /**
   * Texts by path relative to the workspace root (POSIX): at least every file of
   * `filesToRead()` that exists. Absent optional files (Cargo.lock, RELEASES.md) skip their step.
   */
  files: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  options: ReleaseTrainOptions;
  bump: BumpKind;
  /** YYYY-MM-DD for `Released <date>.`; required for 'patch' and 'release'. */
  date?: string;
  /** Make public/exact requirement policy breaches errors instead of warnings. */
  strictPolicy?: boolean;
  /** On a cut ('major'): how far the release's line moves (`release-major --bump=minor`); default major. */
  level?: CutLevel;
  /** What git says about lines the settings do not decide (line-moves.ts); absent: no tag, they stay. */
  history?: LineHistory;
}

export interface FileEdit {
  file: string;
  before: string;
  after: string;
  changes: LineChange[];
}

export interface VersionPlan {
  bump: BumpKind;
  /** The line releases are named after ('workspace' if there is one): branch, tag and titles. */
  primary: LineBump | null;
  lines: LineBump[];
  /** Lines left where they are, each with the reason. */
  staying: LineStay[];
  /** Every crate that moves (from === to on release day). */
  crates: CrateBump[];
  /** Files that change, sorted by path; every byte outside the edited values is kept. */
  edits: FileEdit[];
  warnings: Problem[];
}

/** Paths (relative to the root) the planner may read: the caller passes those that exist. */
export function filesToRead(workspace: Workspace, options: ReleaseTrainOptions): string[] {
  const files = new Set([workspace.rootManifest, ...workspace.members.map((c) => c.manifest)]);
  files.add(lockPath(workspace));
  for (const rule of options.versionFiles) files.add(rule.file);
  files.add(options.releasesFile);
  files.add(options.releasesTemplate);
  return [...files];
}

/** The workspace's Cargo.lock, beside the root manifest. */
export function lockPath(ws: Workspace): string {
  const dir = ws.rootManifest.includes('/') ? ws.rootManifest.slice(0, ws.rootManifest.lastIndexOf('/') + 1) : '';
  return `${dir}Cargo.lock`;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Computes the plan, or throws PlanError listing every problem found. */
export function planVersions(input: PlanInput): VersionPlan {
  const texts = input.files instanceof Map ? input.files : new Map(Object.entries(input.files));
  const ctx = new PlanContext(texts, input.options, input.strictPolicy ?? false);
  const { workspace: ws, bump } = input;
  // A manifest the model could not read means crates missing from the plan: refuse rather
  // than plan a partial bump.
  for (const d of ws.diagnostics) if (d.level === 'error') ctx.problems.errors.push(d);
  if ((bump === 'patch' || bump === 'release') && (input.date === undefined || !DATE.test(input.date)))
    ctx.problems.error('(command line)', undefined, `date "${input.date ?? ''}" is not YYYY-MM-DD`, 'pass --date=YYYY-MM-DD');

  const lines = computeLines(ctx, ws, { bump, level: input.level, history: input.history });
  // Release day moves versions only on a branch that still carries a suffix (today's train).
  if (lines.lines.some((l) => l.from !== l.to) || lines.crates.some((c) => c.from !== c.to)) {
    planManifests(ctx, ws, lines);
    planLockfile(ctx, lockPath(ws), lines);
    planVersionFiles(ctx, lines.primary);
  }
  const releases = planReleases(ctx, input, lines.primary);
  ctx.problems.throwIfAny();

  const edits = spliceEdits(ctx, texts);
  if (releases) edits.push(releases);
  edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    bump,
    primary: lines.primary,
    lines: lines.lines,
    staying: lines.staying,
    crates: lines.crates,
    edits: edits.filter((e) => e.before !== e.after),
    warnings: ctx.problems.warnings,
  };
}

/** The edit of every file the plan spliced (unsorted; a file may come out unchanged). */
export function spliceEdits(ctx: PlanContext, texts: ReadonlyMap<string, string>): FileEdit[] {
  const edits: FileEdit[] = [];
  for (const file of ctx.splices.files()) {
    const before = texts.get(file) ?? '';
    const after = ctx.splices.apply(file, before);
    edits.push({ file, before, after, changes: ctx.splices.changes(file, before) ?? lineChanges(before, after) });
  }
  return edits;
}

function edit(file: string, before: string, after: string): FileEdit {
  return { file, before, after, changes: lineChanges(before, after) };
}

function planReleases(ctx: PlanContext, input: PlanInput, primary: LineBump | null): FileEdit | null {
  const { options, bump } = input;
  const file = options.releasesFile;
  const text = ctx.text(file);
  if (text === undefined || options.releaseNotes === 'off') return null;
  // Without configuration only files shaped like the notes this tool writes are edited: any
  // other RELEASES.md (a process document, say) is left alone, and that is said once.
  if (options.releaseNotes === 'auto') {
    const shape = shapeProblem(text, bump === 'major');
    const noTemplate = bump === 'major' && ctx.text(options.releasesTemplate) === undefined;
    if (shape !== null || noTemplate) {
      ctx.problems.warn(
        file,
        undefined,
        `left alone: ${shape ?? `the template ${options.releasesTemplate} is missing`}, so it does not look like release notes this tool edits`,
        'set releaseNotes to "edit" to have it edited (and refused when it does not fit), or to "off" to silence this',
      );
      return null;
    }
  }
  if (!primary) {
    ctx.problems.error(file, undefined, 'cannot tell which version line the release notes follow', 'add a [workspace.package] version');
    return null;
  }
  // On a cut the top section is the one being branched; otherwise it is the one being released.
  // Headings and archive lines name the release (`## 49.0.0`), never its `-dev` or `-rc.N`.
  const expected = releaseVersionOf(bump === 'major' || bump === 'candidate' ? primary.from : primary.to);
  const top = topSection(text);
  if (top?.version !== expected)
    ctx.problems.warn(
      file,
      top?.line,
      top ? `the top section is ${top.version}, not ${expected}` : `no "## ${expected}" section at the top`,
      `start the file with a "## ${expected}" section`,
    );
  if (bump === 'candidate') return null; // a candidate leaves the release notes alone
  if (bump !== 'major') return input.date && DATE.test(input.date) ? edit(file, text, dateReleases(text, input.date)) : null;

  const template = ctx.text(options.releasesTemplate);
  if (template === undefined) {
    ctx.problems.error(options.releasesTemplate, undefined, 'release notes template not found', 'create it, or set releasesTemplate in nx.json');
    return null;
  }
  const rotated = rotateReleases(text, template, releaseVersionOf(primary.to), fillPattern(options.archiveLine, releaseVersionOf(primary.from)));
  if ('error' in rotated) {
    ctx.problems.error(file, rotated.error.line, rotated.error.message, rotated.error.fix);
    return null;
  }
  return edit(file, text, rotated.text);
}
