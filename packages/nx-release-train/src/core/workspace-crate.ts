/**
 * One workspace member's manifest -> its Crate (name, version and where it comes from,
 * publishability, release line), or a diagnostic (see workspace.ts).
 */
import { compatLine } from './release-line';
import type { Crate, Diagnostic } from './model';
import type { Manifest, Table } from './manifest';
import { lineOf } from './toml-lines';

export function toCrate(manifest: Manifest, file: string, dir: string, wsVersion: string | null, wsPackage: Table, diagnostics: Diagnostic[]): Crate | null {
  const pkg = manifest.data.package as Table | undefined;
  if (!pkg || typeof pkg.name !== 'string') {
    diagnostics.push({
      level: 'error',
      file,
      line: lineOf(manifest.lines, ['package']),
      message: `${file} is a workspace member but has no [package] name`,
      fix: 'add `name = "..."` under [package], or remove the directory from the workspace members',
    });
    return null;
  }
  let version = '0.0.0';
  let versionFrom: Crate['versionFrom'] = 'none';
  if (pkg.version !== undefined && typeof pkg.version !== 'string' && !isInherited(pkg.version)) {
    // cargo rejects this (e.g. `version.workspace = false`); taking it as 0.0.0 would publish a wrong version.
    diagnostics.push({
      level: 'error',
      file,
      line: lineOf(manifest.lines, ['package', 'version']),
      message: `${pkg.name}: [package] version is ${JSON.stringify(pkg.version)}, neither a version string nor \`version.workspace = true\` (cargo rejects it)`,
      fix: 'write `version = "X.Y.Z"`, or `version.workspace = true` to inherit [workspace.package] version',
    });
    return null;
  }
  if (typeof pkg.version === 'string') {
    version = pkg.version;
    versionFrom = 'literal';
  } else if (isInherited(pkg.version)) {
    versionFrom = 'workspace';
    if (wsVersion) version = wsVersion;
    else {
      diagnostics.push({
        level: 'error',
        file,
        line: lineOf(manifest.lines, ['package', 'version']),
        message: `${pkg.name} inherits version.workspace but [workspace.package] has no version`,
        fix: 'set `version` under [workspace.package] in the root Cargo.toml',
      });
    }
  }
  const publishValue = isInherited(pkg.publish) ? wsPackage.publish : pkg.publish;
  const publishable = !(publishValue === false || (Array.isArray(publishValue) && publishValue.length === 0));
  let line: string | null = null;
  if (versionFrom === 'workspace') line = 'workspace';
  // A literal version's line is its compatibility line (`46`, `0.19`), as Cargo unifies them.
  else if (versionFrom === 'literal' && publishable) line = compatLine(version) ?? version;
  return { name: pkg.name, dir, manifest: file, version, versionFrom, publishable, line, deps: [] };
}

function isInherited(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Table).workspace === true;
}
