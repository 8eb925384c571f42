/** Snapshots of a repository's observable state, to prove a command changed nothing. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TempWorkspace } from './workspace';

export function fileHashes(dir: string, skip = new Set(['.git', 'node_modules', '.nx', 'target'])): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (skip.has(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha1').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function repoState(ws: TempWorkspace) {
  return {
    files: fileHashes(ws.dir),
    status: ws.git(['status', '--porcelain', '--untracked-files=all']),
    refs: ws.git(['for-each-ref', '--format=%(refname) %(objectname)']),
    head: ws.git(['symbolic-ref', '-q', 'HEAD']),
  };
}

/** Every file of `expectedDir` equals the same path at `rev`, byte for byte; returns mismatches. */
export function treeMismatches(ws: TempWorkspace, rev: string, expectedDir: string): string[] {
  const bad: string[] = [];
  for (const file of Object.keys(fileHashes(expectedDir))) {
    const want = readFileSync(join(expectedDir, file));
    let got: Buffer;
    try {
      got = execFileSync('git', ['show', `${rev}:${file}`], { cwd: ws.dir, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      bad.push(`${file}: missing at ${rev}`);
      continue;
    }
    if (!got.equals(want)) bad.push(file);
  }
  return bad;
}
