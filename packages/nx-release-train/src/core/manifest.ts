/** One parsed Cargo.toml: its data (smol-toml) and where its keys stand (for messages). */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from './model';
import { indexLines, type LineIndex } from './toml-lines';
import { withoutBom } from './utf8';

export type Table = Record<string, unknown>;

export interface Manifest {
  path: string;
  data: Table;
  lines: LineIndex;
}

export function parseManifest(path: string, text: string): Manifest | { diagnostic: Diagnostic } {
  try {
    return { path, data: parse(withoutBom(text)) as Table, lines: indexLines(text) };
  } catch (err) {
    const line = err instanceof TomlError ? err.line : undefined;
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return {
      diagnostic: {
        level: 'error',
        file: path,
        line,
        message: `${path} is not valid TOML: ${detail}`,
        fix: `correct the syntax${line ? ` on line ${line}` : ''}; the crate is left out of the graph until then`,
      },
    };
  }
}
