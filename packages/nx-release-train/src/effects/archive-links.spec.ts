import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, writeTarXz } from './archive';

// A checkout whose .git/config holds the token actions/checkout persists, and links that try to reach it.
let dir: string;
let ws: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-archive-links-'));
  ws = join(dir, 'ws');
  mkdirSync(join(ws, '.git'), { recursive: true });
  mkdirSync(join(ws, 'crates/c-api/include/sub'), { recursive: true });
  writeFileSync(join(ws, '.git/config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu\n');
  writeFileSync(join(dir, 'host-file'), 'host secret\n');
  writeFileSync(join(ws, 'crates/c-api/include/real.h'), '#define REAL 1\n');
  symlinkSync('real.h', join(ws, 'crates/c-api/include/alias.h'));
  symlinkSync('../real.h', join(ws, 'crates/c-api/include/sub/up.h'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const include = [{ kind: 'path' as const, path: 'crates/c-api/include', to: 'include' }];

describe('symbolic links in archived directories', () => {
  it('a link inside the directory is archived as a link, never as the file it points to', async () => {
    const { files, missing } = collectFiles(ws, join(ws, 'target'), include);
    expect(missing).toEqual([]);
    expect(files.map((f) => [f.path, f.link ?? null])).toEqual([
      ['include/alias.h', 'real.h'],
      ['include/real.h', null],
      ['include/sub/up.h', '../real.h'],
    ]);
    const out = join(dir, 'in-tree.tar.xz');
    await writeTarXz(out, 'top', files, 0, 0);
    const listing = execFileSync('tar', ['-tvJf', out], { encoding: 'utf8' });
    expect(listing).toMatch(/^l.* top\/include\/alias\.h -> real\.h$/m);
    expect(listing).toMatch(/^l.* top\/include\/sub\/up\.h -> \.\.\/real\.h$/m);
  });

  it("a link to the checkout's .git/config is refused, naming the path", () => {
    const link = join(ws, 'crates/c-api/include/x.h');
    symlinkSync('../../../.git/config', link);
    try {
      const { files, missing } = collectFiles(ws, join(ws, 'target'), include);
      expect(missing).toEqual([
        expect.stringContaining("'crates/c-api/include/x.h' is a symbolic link to '../../../.git/config', outside 'crates/c-api/include'"),
      ]);
      expect(files.map((f) => f.path)).not.toContain('include/x.h');
    } finally {
      rmSync(link);
    }
  });

  it('an absolute link to a host file is refused', () => {
    const link = join(ws, 'crates/c-api/include/sub/host.h');
    symlinkSync(join(dir, 'host-file'), link);
    try {
      expect(collectFiles(ws, join(ws, 'target'), include).missing).toEqual([
        expect.stringContaining("'crates/c-api/include/sub/host.h' is a symbolic link to"),
      ]);
    } finally {
      rmSync(link);
    }
  });

  it('a workspace path that is itself a link out of the workspace is refused', () => {
    symlinkSync(join(dir, 'host-file'), join(ws, 'NOTICE'));
    const { files, missing } = collectFiles(ws, join(ws, 'target'), [{ kind: 'path', path: 'NOTICE', to: '.' }]);
    expect(files).toEqual([]);
    expect(missing).toEqual([expect.stringContaining("workspace path 'NOTICE' leads outside the workspace")]);
  });
});
