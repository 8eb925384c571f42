/**
 * Git's reference-name rules (`git check-ref-format`, see git-check-ref-format(1)), pure, so
 * options can be checked when they are resolved: a name git would refuse, or one that would
 * reach `update-ref --stdin` with a newline in it, is reported before git is asked anything.
 */

/** Why `ref` (a full name such as `refs/heads/x`) is not a valid git reference; null: it is. */
export function refFormatProblem(ref: string): string | null {
  if (ref === '@') return 'is the single character "@"';
  if (ref.startsWith('/') || ref.endsWith('/')) return 'begins or ends with "/"';
  if (ref.includes('//')) return 'contains "//"';
  if (ref.endsWith('.')) return 'ends with "."';
  if (ref.includes('..')) return 'contains ".."';
  if (ref.includes('@{')) return 'contains "@{"';
  for (const ch of ref) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return `contains the control character 0x${code.toString(16).padStart(2, '0')}`;
    if (' ~^:?*[\\'.includes(ch)) return `contains ${JSON.stringify(ch)}`;
  }
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `has a path component "${component}" beginning with "."`;
    if (component.endsWith('.lock')) return `has a path component "${component}" ending with ".lock"`;
  }
  return null;
}

/** Why `name` cannot be a branch (`git check-ref-format --branch`); null: it can. */
export function branchNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.startsWith('-')) return 'begins with "-"';
  if (name === 'HEAD') return 'is "HEAD"';
  return refFormatProblem(`refs/heads/${name}`);
}

/** Why `name` cannot be a tag; null: it can. */
export function tagNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.startsWith('-')) return 'begins with "-"';
  return refFormatProblem(`refs/tags/${name}`);
}

/** Why `name` cannot be a git remote's name (its refs live under refs/remotes/<name>/); null: it can. */
export function remoteNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.startsWith('-')) return 'begins with "-"';
  return refFormatProblem(`refs/remotes/${name}/HEAD`);
}

/** Why `name` cannot be a cargo registry name (letters, digits, `-`, `_`, starting with a letter); null: it can. */
export function registryNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(name) ? null : 'is not a cargo registry name (letters, digits, - and _, starting with a letter)';
}
