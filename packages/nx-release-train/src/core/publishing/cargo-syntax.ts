/**
 * Two strings cargo rewrites before it uploads a crate's metadata (pure): a dependency's
 * version requirement, printed as the Rust `semver` crate prints a `VersionReq`
 * (`5.0.0` -> `^5.0.0`, `>= 1, < 2` -> `>=1, <2`, `1.x` -> `1.*`), and a target-specific
 * dependency's platform, printed as `cargo-platform` prints it (`cfg(any(unix,windows))` ->
 * `cfg(any(unix, windows))`). The packaged Cargo.toml keeps both as the author wrote them.
 * Anything these parsers do not understand is refused: cargo accepted the manifest, so the
 * upload would otherwise carry a requirement cargo never sends.
 */

export class CargoSyntaxError extends Error {}

const OPS = ['>=', '<=', '=', '>', '<', '~', '^'] as const;
const WILD = /^[*xX]$/;
const NUM = /^(0|[1-9]\d*)$/;

function comparator(text: string, whole: string): string {
  let rest = text.trim();
  const op = OPS.find((o) => rest.startsWith(o));
  if (op) rest = rest.slice(op.length).trim();
  if (!rest) throw new CargoSyntaxError(`version requirement "${whole}": an operator without a version`);
  // `1.2.3-pre.1+build`: pre-release and build metadata hang off the patch number.
  const m = /^([^.+-]+)(?:\.([^.+-]+))?(?:\.([^.+-]+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(rest);
  if (!m) throw new CargoSyntaxError(`version requirement "${whole}": cannot read "${rest}"`);
  const [, major, minor, patch, pre] = m;
  const parts = [major, minor, patch].filter((p) => p !== undefined);
  const wildAt = parts.findIndex((p) => WILD.test(p));
  const numbers = wildAt === -1 ? parts : parts.slice(0, wildAt);
  if (numbers.some((p) => !NUM.test(p)) || parts.slice(numbers.length).some((p) => !WILD.test(p))) {
    throw new CargoSyntaxError(`version requirement "${whole}": cannot read "${rest}"`);
  }
  if (wildAt !== -1) {
    // `*`, `1.*`, `1.2.x`: a wildcard, printed with `*`; with an operator or a pre-release it is refused.
    if (op || pre !== undefined) throw new CargoSyntaxError(`version requirement "${whole}": "${text.trim()}" mixes a wildcard with more`);
    return wildAt === 0 ? '*' : `${numbers.join('.')}.*`;
  }
  return `${op ?? '^'}${parts.join('.')}${pre ? `-${pre}` : ''}`;
}

/** A dependency's `version` as cargo uploads it (`version_req`). */
export function versionReqDisplay(req: string): string {
  if (!req.trim()) throw new CargoSyntaxError('an empty version requirement');
  const shown = req.split(',').map((c) => comparator(c, req));
  if (shown.length > 1 && shown.includes('*')) throw new CargoSyntaxError(`version requirement "${req}": "*" beside other comparators`);
  return shown.join(', ');
}

type Token = { kind: 'ident' | 'string' | '(' | ')' | ',' | '='; text: string };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if ('(),='.includes(c)) (out.push({ kind: c as Token['kind'], text: c }), i++);
    else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new CargoSyntaxError(`target "${text}": an unterminated string`);
      out.push({ kind: 'string', text: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^(?:r#)?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) throw new CargoSyntaxError(`target "${text}": unexpected "${c}"`);
      out.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

/** A target key as cargo uploads it (`target`): a `cfg(...)` expression re-printed, a target triple as is. */
export function platformDisplay(target: string): string {
  const t = target.trim();
  if (!t.startsWith('cfg(')) return target;
  if (!t.endsWith(')')) throw new CargoSyntaxError(`target "${target}": no closing parenthesis`);
  const toks = tokens(t.slice(4, -1));
  let at = 0;
  const want = (kind: Token['kind']) => {
    const tok = toks[at++];
    if (tok?.kind !== kind) throw new CargoSyntaxError(`target "${target}": expected "${kind}"`);
    return tok.text;
  };
  const expr = (): string => {
    const name = want('ident');
    if ((name === 'all' || name === 'any' || name === 'not') && toks[at]?.kind === '(') {
      at++;
      const items: string[] = [];
      while (toks[at] && toks[at].kind !== ')') {
        items.push(expr());
        if (toks[at]?.kind === ',') at++;
        else break;
      }
      want(')');
      if (name === 'not' && items.length !== 1) throw new CargoSyntaxError(`target "${target}": not() takes one expression`);
      return `${name}(${items.join(', ')})`;
    }
    if (toks[at]?.kind === '=') {
      at++;
      return `${name} = "${want('string')}"`;
    }
    return name;
  };
  const shown = expr();
  if (at !== toks.length) throw new CargoSyntaxError(`target "${target}": unexpected text after the expression`);
  return `cfg(${shown})`;
}
