import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseNotes } from './notes';

const DASHES = '-'.repeat(80);

describe('releaseNotes', () => {
  it('takes everything before the first line of 80 dashes, trimmed', () => {
    const text = `## 2.0.0\n\nReleased 2026-01-20.\n\n### Fixed\n\n* A bug.\n\n${DASHES}\n\n## 1.0.0\n\n${DASHES}\n`;
    const notes = releaseNotes(text, '2.0.0', 'RELEASES.md');
    expect(notes.body).toBe('## 2.0.0\n\nReleased 2026-01-20.\n\n### Fixed\n\n* A bug.');
    expect(notes.warnings).toEqual([]);
  });

  it('does not stop at shorter dashed lines or markdown rules', () => {
    const text = `## 2.0.0\n\nReleased 2026-01-20.\n\n---\n\nmore\n${'-'.repeat(79)}\nstill\n${DASHES}\nold`;
    expect(releaseNotes(text, '2.0.0', 'RELEASES.md').body).toContain('still');
    expect(releaseNotes(text, '2.0.0', 'RELEASES.md').body).not.toContain('old');
  });

  it('reads CRLF files', () => {
    const text = `## 2.0.0\r\n\r\nReleased 2026-01-20.\r\n${DASHES}\r\nold\r\n`;
    expect(releaseNotes(text, '2.0.0', 'R.md').body).toBe('## 2.0.0\n\nReleased 2026-01-20.');
  });

  it('warns when the top section belongs to another version, is unreleased, or has no end', () => {
    const w = releaseNotes('## 3.0.0\n\nUnreleased.\n', '2.0.1', 'RELEASES.md').warnings;
    expect(w).toHaveLength(3);
    expect(w[0]).toMatch(/no line of 80 '-'/);
    expect(w[1]).toMatch(/'## 3.0.0', not '## 2.0.1'/);
    expect(w[2]).toMatch(/Unreleased/);
  });

  const fixture = resolve(__dirname, '../../../../../fixtures/wasmtime/release-46.0.0/after/tree/RELEASES.md');
  it("gives Wasmtime's 46.0.0 notes from its real RELEASES.md", () => {
    const text = readFileSync(fixture, 'utf8');
    const notes = releaseNotes(text, '46.0.0', 'RELEASES.md');
    expect(notes.warnings).toEqual([]);
    expect(notes.body.startsWith('## 46.0.0\n\nReleased 2026-06-22.\n')).toBe(true);
    expect(notes.body).toContain('### Changed');
    expect(notes.body).not.toContain(DASHES);
    expect(notes.body).not.toContain('ARCHIVE_START');
    // Every line of the notes is the file's own, in order, up to the separator.
    expect(text.startsWith(notes.body)).toBe(true);
  });
});
