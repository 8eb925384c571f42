/**
 * A plan checked against history: the version facts of Cargo manifests (package versions,
 * `[workspace.package] version`, and the requirement of every path dependency) as the plan
 * writes them and as a real release commit wrote them. Facts present on one side only (a
 * dependency added by the same commit) are not compared; everything else must be equal.
 */
import { dependencyEntries } from './manifests';
import { findEntry, scanToml } from './toml-scan';

export interface VersionFact {
  /** What the value is, e.g. `[package] version` or `requirement on naga in [dependencies]`. */
  what: string;
  line: number;
  value: string;
}

/** The version facts of one manifest, by a key stable across edits. */
export function versionFacts(text: string): Map<string, VersionFact> {
  const scan = scanToml(text);
  const out = new Map<string, VersionFact>();
  for (const path of [
    ['package', 'version'],
    ['workspace', 'package', 'version'],
  ]) {
    const e = findEntry(scan, path);
    if (e?.kind === 'string' && e.value !== null) out.set(path.join('.'), { what: `[${path.slice(0, -1).join('.')}] version`, line: e.line, value: e.value });
  }
  for (const dep of dependencyEntries(scan)) {
    const req = dep.bare ?? dep.fields.get('version');
    if (!dep.fields.has('path') || req?.kind !== 'string' || req.value === null) continue;
    const table = dep.table.join('.');
    out.set(`${table}\u0000${dep.key}`, { what: `requirement on ${dep.key} in [${table}]`, line: req.line, value: req.value });
  }
  return out;
}

export interface FactMismatch {
  file: string;
  line: number;
  what: string;
  planned: string;
  actual: string;
}

export interface HistoryCheck {
  /** Facts compared. */
  checked: number;
  /** Facts the real commit changed. */
  changedByCommit: number;
  mismatches: FactMismatch[];
}

/**
 * Compares the facts of `files` between the plan's texts and the commit's. `before` gives the
 * parent's texts (to count what the commit changed); a file absent on a side is skipped.
 */
export function checkAgainstCommit(
  files: readonly string[],
  texts: { before: (f: string) => string | undefined; planned: (f: string) => string | undefined; actual: (f: string) => string | undefined },
): HistoryCheck {
  const result: HistoryCheck = { checked: 0, changedByCommit: 0, mismatches: [] };
  for (const file of files) {
    const [before, planned, actual] = [texts.before(file), texts.planned(file), texts.actual(file)];
    if (before === undefined || planned === undefined || actual === undefined) continue;
    const [b, p, a] = [versionFacts(before), versionFacts(planned), versionFacts(actual)];
    for (const [key, fact] of a) {
      const want = p.get(key);
      if (!want || !b.has(key)) continue;
      result.checked++;
      if (b.get(key)!.value !== fact.value) result.changedByCommit++;
      if (want.value !== fact.value) result.mismatches.push({ file, line: fact.line, what: fact.what, planned: want.value, actual: fact.value });
    }
  }
  return result;
}
