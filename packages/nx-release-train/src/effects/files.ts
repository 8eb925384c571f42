/** File writes that never leave a half-written file: each goes to a temp file, then rename. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.nrt-${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function writeFilesAtomic(root: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, text] of files) writeFileAtomic(join(root, rel), text);
}
