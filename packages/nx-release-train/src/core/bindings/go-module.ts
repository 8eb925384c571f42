/**
 * A Go module's major version. From v2 on, a Go module path ends in `/vN` and every import
 * spells it, so a major release renames the module everywhere: go.mod's `module` line, imports,
 * nested modules requiring it, Bazel `importpath`, README snippets. Only the module path (with
 * its suffix) and a version written right after it move; any other `vN` in the tree stays.
 */
import { type RuleContext, VERSION, escapeRegExp, linesOf } from './rule-context';

/** Characters that continue a path element, so `wasmtime-go/v45` is not found in `.../v450` or `x-wasmtime-go/v45`. */
const PATH_CHAR = '[A-Za-z0-9_.~-]';

export function goModule(ctx: RuleContext, module: string, goMod = 'go.mod'): void {
  const text = ctx.required(goMod, 'go-module rule');
  if (text === undefined) return;
  const declared = /^module\s+"?([^\s"]+)"?\s*(?:\/\/.*)?$/m.exec(text);
  if (!declared) {
    ctx.error(goMod, undefined, 'no `module` line', 'declare the module path: module example.com/name/vN');
    return;
  }
  const oldPath = declared[1];
  const suffix = /^(.*)\/v(\d+)$/.exec(oldPath);
  if ((suffix ? suffix[1] : oldPath) !== module) {
    ctx.error(
      goMod,
      linesOf(text, [declared.index])[0],
      `module is ${oldPath}, but the go-module rule names ${module}`,
      `set the rule's module to "${suffix ? suffix[1] : oldPath}"`,
    );
    return;
  }
  const major = Number(ctx.version.split('.')[0]);
  if (!suffix || major < 2) {
    // Adding (or dropping) a suffix changes every import of a sub-package too, and a bare path
    // also occurs in URLs that must not change; Go asks for that move to be made by hand once.
    ctx.error(
      goMod,
      linesOf(text, [declared.index])[0],
      `module ${oldPath} ${suffix ? `cannot move below v2 (to ${ctx.version})` : 'has no /vN suffix to move'}`,
      `make the move to ${module}/v${major} by hand once; later majors are automatic`,
    );
    return;
  }
  const newPath = `${module}/v${major}`;
  const path = `(?<!${PATH_CHAR})${escapeRegExp(oldPath)}(?!${PATH_CHAR})`;
  // A version attached to the path is a version of this module: `path@vX.Y.Z` anywhere, and
  // `path vX.Y.Z` in a go.mod require/replace. It must carry the new major too.
  const anywhere = new RegExp(`${path}(@v${VERSION})?`, 'g');
  const inGoMod = new RegExp(`${path}(@v${VERSION}|[ \\t]+v${VERSION})?`, 'g');
  for (const file of ctx.paths) {
    // go.sum lines carry hashes of published module contents: rewriting them would make lies.
    if (file === 'go.sum' || file.endsWith('/go.sum')) continue;
    const before = ctx.text(file);
    if (before === undefined || !before.includes(oldPath)) continue;
    const re = file === 'go.mod' || file.endsWith('/go.mod') ? inGoMod : anywhere;
    const after = before.replace(re, (_all, attached: string | undefined) => {
      if (!attached) return newPath;
      const sep = attached.startsWith('@') ? '@' : attached.slice(0, attached.indexOf('v'));
      return `${newPath}${sep}v${ctx.version}`;
    });
    if (after !== before) ctx.write(file, after);
  }
}
