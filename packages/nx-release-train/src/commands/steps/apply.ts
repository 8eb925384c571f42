/**
 * Turning a plan into commits: one commit built from git objects (the refs then move in one
 * transaction, and a checked-out branch's working tree follows: steps/checkout).
 */
import { fillPattern } from '../../core/settings/options';
import type { FileEdit, VersionPlan } from '../../core/version';
import { renderPlanDiff } from '../../core/version';
import { summarizeWarnings } from '../../core/version/summary';
import { CommandError, run } from '../../effects/exec';
import { ReleaseError } from '../../core/release';
import { writeFileAtomic, writeFilesAtomic } from '../../effects/files';
import { printBlock } from '../../core/log';
import type { Train } from './train';

export function editsToFiles(edits: FileEdit[]): Map<string, string> {
  return new Map(edits.map((e) => [e.file, e.after]));
}

/**
 * Prints the plan's lines, crates and files, and the diff on a dry run (whole, however long);
 * with `--diff-file` the diffs of the run are written there too, dry run or not.
 */
export async function describePlan(ctx: Train, plan: VersionPlan, heading: string): Promise<void> {
  ctx.log.info(heading);
  for (const line of plan.lines) {
    if (line.from !== line.to) ctx.log.info(`  line ${line.line}: ${line.from} -> ${line.to} (${line.crates.length} crates): ${line.reason}`);
  }
  // Every line the release leaves where it is, and why (versionLines.follow moves one along).
  for (const line of plan.staying) ctx.log.info(`  line ${line.line} stays at ${line.version} (${line.crates.join(', ')}): ${line.reason}`);
  ctx.log.info(`  files changed: ${plan.edits.length}`);
  for (const line of summarizeWarnings(plan.warnings)) ctx.log.warn(`  ${line}`);
  if (plan.edits.length === 0) return;
  const diff = renderPlanDiff(plan.edits);
  if (ctx.diffFile) {
    ctx.diffFile.diffs.push(diff);
    writeFileAtomic(ctx.diffFile.path, ctx.diffFile.diffs.join(''));
    ctx.log.info(`  diff written to ${ctx.diffFile.path} (${diff.split('\n').length - 1} lines)`);
  }
  if (ctx.dryRun) {
    ctx.log.info('');
    await printBlock(ctx.log, diff);
  }
}

export function bumpBranch(ctx: Train, version: string): string {
  return fillPattern(ctx.options.bumpBranchPattern, version);
}

/** The version lines a plan moves, as a pull request lists them. */
export function movedLines(plan: VersionPlan): Array<{ line: string; from: string; to: string }> {
  return plan.lines.filter((l) => l.from !== l.to).map((l) => ({ line: l.line, from: l.from, to: l.to }));
}

/** Review branch of a release-day or patch commit (`ci/release-{version}`). */
export function releaseReviewBranch(ctx: Train, version: string): string {
  return fillPattern(ctx.options.releaseReviewBranchPattern, version);
}

/** Review branch of a release candidate's commit (`ci/rc-{version}`). */
export function rcReviewBranch(ctx: Train, version: string): string {
  return fillPattern(ctx.options.rcReviewBranchPattern, version);
}

/** What merging a commit carrying the marker into `branch` sets off. */
export function onReleaseMerge(ctx: Train, branch: string, version: string): string {
  return `the commit lands on ${branch} carrying ${ctx.options.marker}; once CI is green there, \`nx release-tag\` tags ${fillPattern(ctx.options.tagPattern, version)}, which publishes ${version}.`;
}

/**
 * The release commit on top of `parent`. Without a post-version command it is built from git
 * objects alone; with one, in a temporary worktree where the command runs and whatever it
 * changes joins the commit. Nothing is checked out in the user's working tree either way.
 */
export async function buildCommit(ctx: Train, parent: string, edits: FileEdit[], message: string): Promise<string> {
  const command = ctx.options.postVersionCommand;
  if (command.length === 0) return ctx.git.commitFiles(parent, editsToFiles(edits), message);
  return ctx.git.withWorktree(parent, async (dir) => {
    await writeFilesAtomic(dir, editsToFiles(edits));
    ctx.log.info(`running post-version command in a temporary worktree: ${command.join(' ')}`);
    try {
      await run(command[0], command.slice(1), { cwd: dir });
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      const why =
        err.result.exitCode === 127 && err.result.stdout === ''
          ? err.result.stderr
          : `it failed (exit ${err.result.exitCode}): ${(err.result.stderr.trim() || err.result.stdout.trim()).split('\n').slice(-10).join('\n')}`;
      throw new ReleaseError(
        `the post-version command (setting "postVersionCommand": ${JSON.stringify(command)}) did not run: ${why}; nothing was committed`,
        'install the program, or correct "postVersionCommand" in the nx-release-train options in nx.json',
      );
    }
    const wt = ctx.services.git(dir);
    await wt.run(['add', '--all']);
    await wt.run(['commit', '--quiet', '--no-verify', '-F', '-'], { input: message });
    return wt.out(['rev-parse', 'HEAD']);
  });
}
