/**
 * After every crate has its version: Cargo.lock and the version files (wasmtime.h), planned
 * with the manifests from the original texts, written to disk (Nx has flushed its tree by
 * now), offline: no cargo process, no registry.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPlanDiff } from '../core/version';
import { finishRun, isManifest, planRun } from './release-run';

export async function writeAfterAll(cwd: string, opts: { dryRun?: boolean; verbose?: boolean }): Promise<{ changedFiles: string[]; deletedFiles: string[] }> {
  const run = finishRun(cwd);
  if (!run || run.versions.size === 0) return { changedFiles: [], deletedFiles: [] };
  const rest = planRun(run).edits.filter((e) => !isManifest(e.file));
  if (opts.dryRun) {
    // Nx shows the diffs of its tree; these files are ours, so their diff is shown here.
    if (rest.length > 0) console.log(renderPlanDiff(rest));
    return { changedFiles: [], deletedFiles: [] };
  }
  for (const edit of rest) writeFileSync(join(cwd, edit.file), edit.after);
  return { changedFiles: rest.map((e) => e.file), deletedFiles: [] };
}
