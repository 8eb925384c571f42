/**
 * State shared by the planning steps: the input texts, one scan per TOML file (each file is
 * scanned at most once per plan), the problems found, and the replacements decided so far.
 */
import type { ReleaseTrainOptions } from '../settings/options';
import { Problems } from './errors';
import { SpliceSet, type Splice } from './splices';
import { scanToml, TomlScanError, type TomlEntry, type TomlScan } from './toml-scan';

export class PlanContext {
  readonly problems = new Problems();
  readonly splices = new SpliceSet();
  private readonly scans = new Map<string, TomlScan | null>();

  constructor(
    private readonly texts: ReadonlyMap<string, string>,
    readonly options: ReleaseTrainOptions,
    readonly strictPolicy: boolean,
  ) {}

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  /** The scan of a TOML file, or null (with a problem reported once) when absent or malformed. */
  scan(file: string): TomlScan | null {
    if (this.scans.has(file)) return this.scans.get(file) ?? null;
    const text = this.texts.get(file);
    let result: TomlScan | null = null;
    if (text === undefined) {
      this.problems.error(file, undefined, 'the file was not provided to the planner', 'make sure the file exists and is readable');
    } else {
      try {
        result = scanToml(text);
      } catch (e) {
        if (!(e instanceof TomlScanError)) throw e;
        this.problems.error(file, e.line, `not valid TOML: ${e.message}`, 'fix the syntax (cargo would reject it too)');
      }
    }
    this.scans.set(file, result);
    return result;
  }

  /**
   * Replaces the content of a string value with `value`. Refuses strings whose raw text differs
   * from their decoded value (escapes): a version never needs one, and rewriting escapes is
   * not worth the risk of changing other bytes.
   */
  replaceString(file: string, entry: TomlEntry, value: string): void {
    const text = this.texts.get(file) ?? '';
    if (text.slice(entry.innerStart, entry.innerEnd) !== entry.value) {
      this.problems.error(file, entry.line, 'the version string uses escape sequences', 'write it as a plain string');
      return;
    }
    this.splice(file, { start: entry.innerStart, end: entry.innerEnd, text: value }, entry.line);
  }

  splice(file: string, splice: Splice, line: number): void {
    if (!this.splices.add(file, splice))
      this.problems.error(file, line, 'two rules want to rewrite the same text', 'make the versionFiles patterns of this file match distinct places');
  }
}
