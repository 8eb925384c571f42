/**
 * What a rule sees while it runs: the repository's text files (with the edits of earlier rules
 * applied), the new version, and a place to report problems with file, line and fix.
 */
import type { Diagnostic } from '../model';
import { lineAt, lineStarts } from '../version/toml-scan';

/** A version as the release train writes it: X.Y.Z with an optional pre-release and build. */
export const VERSION = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?`;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A checked-out repository as data: its file paths and a reader (undefined: absent or binary). */
export interface RepoFiles {
  paths: readonly string[];
  read(path: string): string | undefined;
}

export class RuleContext {
  readonly problems: Diagnostic[] = [];
  private readonly current = new Map<string, string>();

  constructor(
    readonly version: string,
    private readonly repo: RepoFiles,
  ) {}

  get paths(): readonly string[] {
    return this.repo.paths;
  }

  text(file: string): string | undefined {
    return this.current.get(file) ?? this.repo.read(file);
  }

  write(file: string, text: string): void {
    this.current.set(file, text);
  }

  /** Text of a file a rule names; a missing one is reported as the rule's problem. */
  required(file: string, what: string): string | undefined {
    const text = this.text(file);
    if (text === undefined) this.error(file, undefined, `${what}: file not found in the repository`, 'fix the path in the binding rule, or add the file');
    return text;
  }

  error(file: string, line: number | undefined, message: string, fix: string): void {
    this.problems.push(line === undefined ? { level: 'error', file, message, fix } : { level: 'error', file, line, message, fix });
  }

  /** Files whose text differs from the repository's, in path order. */
  changed(): Array<{ file: string; before: string; after: string }> {
    return [...this.current]
      .filter(([file, text]) => this.repo.read(file) !== text)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, after]) => ({ file, before: this.repo.read(file) ?? '', after }));
  }
}

/** 1-based line of each offset in `text`. */
export function linesOf(text: string, offsets: number[]): number[] {
  const starts = lineStarts(text);
  return offsets.map((o) => lineAt(starts, o));
}
