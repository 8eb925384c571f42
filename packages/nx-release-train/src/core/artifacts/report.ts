/** Text shown to people: the dry run's plan and the release step's outcome. Pure. */
import { joinPath } from '../paths';
import type { AssetAction } from './assets';
import type { PlannedInstaller } from './installer';
import type { ArtifactsPlan } from './plan';

export interface DryRunContext {
  plan: ArtifactsPlan;
  installers?: readonly PlannedInstaller[];
  /** Output directory relative to the root, and the cargo target directory as cargo gave it. */
  outputDir: string;
  targetDir: string;
  buildEnv: Record<string, string>;
}

export function dryRunLines(c: DryRunContext): string[] {
  const { plan } = c;
  const lines = [`Dry run of release-artifacts for ${plan.tag}: nothing is built, written or uploaded.`, '', 'Would build:'];
  const env = Object.entries(c.buildEnv)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  for (const b of plan.builds) {
    const own = Object.entries(b.env ?? {})
      .map(([k, v]) => `${k}=${v} `)
      .join('');
    lines.push(`  ${env}${own}cargo ${b.args.join(' ')}`);
  }
  if (!plan.builds.length) lines.push('  (nothing)');
  lines.push('', 'Would write:');
  for (const a of plan.archives) {
    lines.push(`  ${joinPath(c.outputDir, a.file)}  (and ${a.file}.sha256)`);
    for (const s of a.sources) {
      const from = s.kind === 'path' ? s.path : joinPath(c.targetDir, s.path);
      lines.push(`    ${joinPath(a.name, s.to)}/  <-  ${from}`);
    }
  }
  for (const i of c.installers ?? []) {
    lines.push(`  ${joinPath(c.outputDir, i.file)}  (and ${i.file}.sha256; on Windows)`);
    lines.push(`    wix ${i.args.join(' ')}  (bind path: the files of ${i.archive})`);
  }
  if (!plan.archives.length) lines.push('  (nothing)');
  lines.push('', "Would not touch GitHub: `nx release-assets`, the last job, publishes the release with every platform's files.");
  return lines;
}

/** One line per asset of the release step: what was (or would be) done with it. */
export function assetLines(actions: AssetAction[], dryRun: boolean): string[] {
  return actions.map((a) => {
    if (a.action === 'keep') return `  kept      ${a.local.name} (identical)`;
    if (a.action === 'upload') return `  ${dryRun ? 'would upload' : 'uploaded'}  ${a.local.name}`;
    if (a.action === 'retry') return `  ${dryRun ? 'would upload again' : 'uploaded again'}  ${a.local.name} (an unfinished upload, state '${a.remote.state}')`;
    return `  differs   ${a.local.name}`;
  });
}
