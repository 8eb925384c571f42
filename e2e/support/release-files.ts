/** Release files as a platform's job hands them on, for tests of the last job (release-assets). */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI and C API archives (`wasmtime-<tag>-<platform>[-c-api].tar.xz`, a README inside
 * saying `content`) and their `.sha256` files, in `<dir>/dist`. Returns the file names, sorted.
 */
export function writePlatformFiles(dir: string, tag: string, platforms: string[], content = 'v1'): string[] {
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  const names: string[] = [];
  for (const platform of platforms) {
    for (const base of [`wasmtime-${tag}-${platform}`, `wasmtime-${tag}-${platform}-c-api`]) {
      const src = join(dir, 'staging', base);
      mkdirSync(src, { recursive: true });
      writeFileSync(join(src, 'README.md'), `${base} ${content}\n`);
      const file = `${base}.tar.xz`;
      execFileSync('tar', ['-cJf', join(dist, file), '-C', join(dir, 'staging'), base]);
      const sha = createHash('sha256')
        .update(readFileSync(join(dist, file)))
        .digest('hex');
      writeFileSync(join(dist, `${file}.sha256`), `${sha}  ${file}\n`);
      names.push(file, `${file}.sha256`);
    }
  }
  rmSync(join(dir, 'staging'), { recursive: true, force: true });
  return names.sort();
}
