/**
 * The version a binding repository is on now, read by the same rules that rewrite it: the file
 * that is only the version, the one place a pattern matches, the exact pins, the lock entries,
 * the Go module's `/vN` (a major only). The first rule that gives a whole version wins; a
 * repository without such a rule (tag-only) has no version to read.
 */
import { dependencyEntries } from '../version/manifests';
import { scanToml } from '../version/toml-scan';
import { parseRequirement } from '../version/versions';
import type { BindingRule } from './rules';
import { escapeRegExp, VERSION, type RepoFiles } from './rule-context';
import { patternRegExp } from './text-rules';

export interface CurrentVersion {
  /** X.Y.Z, or null when only the major (or nothing) could be read. */
  version: string | null;
  major: number | null;
  /** The file it was read from. */
  file: string | null;
}

type Read = { version: string } | { major: number } | null;

function readPattern(text: string, pattern: string): Read {
  const hits = [...text.matchAll(patternRegExp(pattern, true))];
  if (hits.length !== 1) return null;
  const g = hits[0].groups ?? {};
  if (g.version) return { version: g.version };
  if (g.major && g.minor && g.patch) return { version: `${g.major}.${g.minor}.${g.patch}` };
  return g.major ? { major: Number(g.major) } : null;
}

function readPins(text: string, crates: readonly string[]): Read {
  let scan;
  try {
    scan = scanToml(text);
  } catch {
    return null;
  }
  for (const dep of dependencyEntries(scan)) {
    const pkg = dep.fields.get('package');
    const name = pkg?.kind === 'string' && pkg.value !== null ? pkg.value : dep.key;
    const req = dep.bare ?? dep.fields.get('version');
    if (!crates.includes(name) || req?.kind !== 'string' || req.value === null) continue;
    const parsed = parseRequirement(req.value);
    if (parsed?.op === '=') return { version: parsed.version };
  }
  return null;
}

function readRule(rule: BindingRule, read: (file: string) => string | undefined): { file: string; value: Read } {
  switch (rule.kind) {
    case 'version-file': {
      const m = new RegExp(`^\\s*(${VERSION})\\s*$`).exec(read(rule.file) ?? '');
      return { file: rule.file, value: m ? { version: m[1] } : null };
    }
    case 'pattern':
      return { file: rule.file, value: readPattern(read(rule.file) ?? '', rule.pattern) };
    case 'cargo-pins':
      return { file: rule.file, value: readPins(read(rule.file) ?? '', rule.crates) };
    case 'lockfile': {
      const m = new RegExp(`^ {4}${escapeRegExp(rule.packages[0])} \\((\\d+\\.\\d+\\.\\d+)`, 'm').exec(read(rule.file) ?? '');
      return { file: rule.file, value: m ? { version: m[1] } : null };
    }
    case 'go-module': {
      const file = rule.goMod ?? 'go.mod';
      const m = new RegExp(`^module\\s+"?${escapeRegExp(rule.module)}/v(\\d+)"?\\s*(?://.*)?$`, 'm').exec(read(file) ?? '');
      return { file, value: m ? { major: Number(m[1]) } : null };
    }
  }
}

export function currentVersion(rules: readonly BindingRule[], repo: RepoFiles): CurrentVersion {
  let majorOnly: CurrentVersion | null = null;
  for (const rule of rules) {
    const { file, value } = readRule(rule, (f) => repo.read(f));
    if (value && 'version' in value) return { version: value.version, major: Number(value.version.split('.')[0]), file };
    if (value && !majorOnly) majorOnly = { version: null, major: value.major, file };
  }
  return majorOnly ?? { version: null, major: null, file: null };
}
