/** File writes that never leave a half-written file: each goes to a temp file, then rename. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const tempOf = (path: string) => `${path}.nrt-${process.pid}.tmp`;

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempOf(path);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Writes every file atomically, all at once: a rename that replaces a file makes ext4 flush the
 * new file's data first (auto_da_alloc), about a millisecond each, and one rename after the other
 * was most of applying a plan (24 files); in parallel the flushes overlap. The directory is made
 * only when the write finds it missing (a plan edits files that exist). Every write is
 * finished, or has failed, when this returns; the first failure is thrown.
 */
export async function writeFilesAtomic(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  const results = await Promise.allSettled([...files].map(([rel, text]) => writeOne(join(root, rel), text)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function writeOne(path: string, text: string): Promise<void> {
  const tmp = tempOf(path);
  try {
    await writeFile(tmp, text);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, text);
  }
  await rename(tmp, path);
}
