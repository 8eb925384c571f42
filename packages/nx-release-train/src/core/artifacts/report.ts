/** Text shown to people: the dry run's plan and the release step's outcome. Pure. */
import { joinPath } from '../paths';
import type { AssetAction } from './assets';
import type { ArtifactsPlan } from './plan';
import type { ReleaseChange, ReleaseSpec } from './release';

export interface DryRunContext {
  plan: ArtifactsPlan;
  /** Output directory relative to the root, and the cargo target directory as cargo gave it. */
  outputDir: string;
  targetDir: string;
  buildEnv: Record<string, string>;
  release: ReleaseSpec;
  /** `owner/name`, or null when the release step is skipped. */
  repository: string | null;
  notesFile: string;
}

export function dryRunLines(c: DryRunContext): string[] {
  const { plan } = c;
  const lines = [`Dry run of release-artifacts for ${plan.tag}: nothing is built, written or uploaded.`, '', 'Would build:'];
  const env = Object.entries(c.buildEnv)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  for (const b of plan.builds) lines.push(`  ${env}cargo ${b.args.join(' ')}`);
  if (!plan.builds.length) lines.push('  (nothing)');
  lines.push('', 'Would write:');
  for (const a of plan.archives) {
    lines.push(`  ${joinPath(c.outputDir, a.file)}  (and ${a.file}.sha256)`);
    for (const s of a.sources) {
      const from = s.kind === 'path' ? s.path : joinPath(c.targetDir, s.path);
      lines.push(`    ${joinPath(a.name, s.to)}/  <-  ${from}`);
    }
  }
  if (!plan.archives.length) lines.push('  (nothing)');
  lines.push('');
  if (!c.repository) {
    lines.push('Would not touch GitHub (release step skipped).');
    return lines;
  }
  const kind = c.release.prerelease ? 'pre-release' : 'release';
  lines.push(`Would create or update the GitHub ${kind} ${c.release.tag} ('${c.release.name}') in ${c.repository}, notes from ${c.notesFile}:`);
  for (const line of c.release.body.split('\n').slice(0, 8)) lines.push(`  | ${line}`);
  const more = c.release.body.split('\n').length - 8;
  if (more > 0) lines.push(`  | … (${more} more lines)`);
  lines.push('Would upload (keeping assets already identical, replacing those that differ):');
  for (const a of plan.archives) lines.push(`  ${a.file}`, `  ${a.file}.sha256`);
  if (!plan.archives.length) lines.push('  (nothing)');
  return lines;
}

export function releaseLines(change: ReleaseChange, spec: ReleaseSpec, url: string, actions: AssetAction[]): string[] {
  const what = change.action === 'create' ? 'created' : change.action === 'update' ? `updated (${change.fields.join(', ')})` : 'unchanged';
  const lines = [`GitHub ${spec.prerelease ? 'pre-release' : 'release'} ${spec.tag}: ${what}  ${url}`];
  for (const a of actions) {
    if (a.action === 'keep') lines.push(`  kept      ${a.local.name} (identical)`);
    else if (a.action === 'upload') lines.push(`  uploaded  ${a.local.name}`);
    else lines.push(`  replaced  ${a.local.name} (${a.reason})`);
  }
  return lines;
}
