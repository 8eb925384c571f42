/**
 * The preflight before the first upload (SPEC §4): every crate of the release is packaged
 * and checked first, so that a release which would stop halfway (a `.crate` over the
 * registry's limit, a crate trusted publishing cannot create, a version already there with
 * other content, an order cargo cannot follow) is refused before anything is uploaded, with
 * every problem listed at once. Pure: packaging results and index answers come in as data.
 */
import semver from 'semver';
import type { Diagnostic } from '../model';
import { noAuthFix, type PublishAuth } from './trusted';

/** crates.io's limit, which other registries copy (SPEC §4). */
export const DEFAULT_MAX_CRATE_BYTES = 10 * 1024 * 1024;

export interface PreflightCrate {
  name: string;
  version: string;
  manifest: string;
  /** The packaged `.crate`, or why packaging failed; null when not packaged (offline plan). */
  packaged: { file: string; bytes: number; cksum: string } | { error: string } | null;
  /** Versions the index shows (with checksums), or why it could not be read; null: not read. */
  index: Array<{ vers: string; cksum: string }> | { error: string } | null;
}

export interface PreflightInput {
  crates: PreflightCrate[];
  /** `registry "local"` or `crates.io`. */
  where: string;
  /** The registry's name in settings (`crates-io` for crates.io). */
  registryKey: string;
  maxCrateBytes: number;
  auth: PublishAuth;
  /** Problems of the publish order (cycles, dependencies without a version). */
  order: Diagnostic[];
  dryRun: boolean;
  /** Why `cargo package` failed for the release as a whole, if it did. */
  packagingError?: string;
  /** The suffix of the train's never-published development versions (setting `devSuffix`). */
  devSuffix: string;
}

export interface PreflightProblem {
  crate: string | null;
  message: string;
  fix: string;
}

export interface PreflightReport {
  problems: PreflightProblem[];
  /** Crates to upload, and those already there with the same checksum. */
  upload: string[];
  present: string[];
  /** Crates the registry does not have yet (allowed with a token, listed). */
  newCrates: string[];
  notes: string[];
}

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${bytes} bytes)`;
}

export function checkPreflight(input: PreflightInput): PreflightReport {
  const problems: PreflightProblem[] = input.order
    .filter((d) => d.level === 'error')
    .map((d) => ({ crate: null, message: `${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}`, fix: d.fix }));
  if (input.packagingError) {
    problems.push({ crate: null, message: `cargo package failed: ${input.packagingError}`, fix: 'run the same cargo package command and fix what it reports' });
  }
  const upload: string[] = [];
  const present: string[] = [];
  const newCrates: string[] = [];
  const notes: string[] = [];
  const setting = `maxCrateSize.${input.registryKey}`;

  for (const c of input.crates) {
    const id = `${c.name}@${c.version}`;
    if (semver.prerelease(c.version)?.join('.') === input.devSuffix) {
      problems.push({
        crate: c.name,
        message: `${id} is a development version (-${input.devSuffix}), which is never published`,
        fix: 'publish from a release tag (a candidate or a release made by nx release-rc, release-latest or release-patch), never from a -dev checkout',
      });
      continue;
    }
    const pkg = c.packaged;
    if (pkg && 'error' in pkg) {
      problems.push({ crate: c.name, message: `${id} could not be packaged: ${pkg.error}`, fix: `run cargo package -p ${c.name} and fix what it reports` });
    }
    const sum = pkg && !('error' in pkg) ? pkg : null;
    if (c.index && 'error' in c.index) {
      problems.push({
        crate: c.name,
        message: `cannot read ${c.name} from the index of ${input.where}: ${c.index.error}`,
        fix: 'check the registry and rerun',
      });
      continue;
    }
    const there = c.index?.find((v) => v.vers === c.version);
    if (there) {
      if (sum && sum.cksum !== there.cksum) {
        problems.push({
          crate: c.name,
          message:
            `${id} is already in the registry with different content: the index has checksum ${there.cksum}, ` +
            `the crate packaged from this checkout (${sum.file}) has ${sum.cksum}. A version can be published only once`,
          fix: 'check out the commit that was published, or release a new version',
        });
      } else present.push(c.name);
      continue;
    }
    upload.push(c.name);
    if (sum && sum.bytes > input.maxCrateBytes) {
      problems.push({
        crate: c.name,
        message: `${id}: its .crate is ${mib(sum.bytes)}, over the ${mib(input.maxCrateBytes)} ${input.where} accepts`,
        fix: `leave files out of the package (\`exclude\`/\`include\` in ${c.manifest}), or, if the registry accepts larger crates, raise the setting ${setting}`,
      });
    }
    if (c.index && c.index.length === 0) {
      newCrates.push(c.name);
      if (input.auth.mode === 'trusted') {
        problems.push({
          crate: c.name,
          message: `${c.name} does not exist on ${input.where} yet, and trusted publishing cannot create a crate`,
          fix: `publish ${id} once by hand with a token (cargo publish -p ${c.name}), then add this repository's workflow as a trusted publisher of ${c.name} on the registry, and rerun`,
        });
      }
    }
  }
  if (newCrates.length && input.auth.mode !== 'trusted') {
    notes.push(`new crates (first version on ${input.where}; they use the registry's new-crate limit): ${newCrates.join(', ')}`);
  }
  if (upload.length && input.auth.mode === 'none' && !input.dryRun) {
    problems.push({
      crate: null,
      message: `no token to publish with: ${input.auth.variable} is not set and no GitHub Actions OIDC token is available`,
      fix: noAuthFix(input.auth.variable),
    });
  }
  return { problems, upload, present, newCrates, notes };
}

/** The report as printed: counts, notes, and every problem with its fix. */
export function formatPreflight(report: PreflightReport): string[] {
  const lines = [
    `preflight: ${report.upload.length} to upload, ${report.present.length} already published` +
      (report.newCrates.length ? `, ${report.newCrates.length} new` : '') +
      (report.problems.length ? `; ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}` : '; ok'),
  ];
  for (const n of report.notes) lines.push(`  note: ${n}`);
  for (const p of report.problems) lines.push(`  refused: ${p.message}. Fix: ${p.fix}`);
  return lines;
}
