/** POSIX path helpers that never touch the file system (core stays pure). */

/** Joins and normalizes; returns '.' for the root and a path starting with '..' when outside. */
export function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    for (const seg of (part.includes('\\') ? part.replaceAll('\\', '/') : part).split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push(seg);
    }
  }
  return out.length === 0 ? '.' : out.join('/');
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

export function isOutside(path: string): boolean {
  return path === '..' || path.startsWith('../');
}

/** True when `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(dir + '/');
}

export function manifestOf(dir: string): string {
  return dir === '.' ? 'Cargo.toml' : `${dir}/Cargo.toml`;
}

/**
 * Cargo's member globs (the `glob` crate): `*` and `?` stay within one path segment,
 * `**` spans segments, `[...]` is a class.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  const g = joinPath(glob);
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      re += '.*';
      i++;
      if (g[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = g.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + g.slice(i + 1, end).replace(/^!/, '^') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}
