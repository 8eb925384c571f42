/**
 * Paths in settings are relative to a root (the workspace, or a binding repository) and must
 * stay inside it. Checked lexically and purely when options are resolved; the effects that
 * write also refuse symbolic links that lead out (see effects/archive.ts).
 */

/** Why `path` (a setting relative to a root) could name something outside that root; null: it cannot. */
export function relativePathProblem(path: string): string | null {
  if (path.trim() === '') return 'is empty';
  if (path.includes('\0')) return 'contains a NUL byte';
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return 'is absolute';
  let depth = 0;
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    depth += part === '..' ? -1 : 1;
    if (depth < 0) return 'leads outside the root through ".."';
  }
  return null;
}
