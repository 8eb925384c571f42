/**
 * Exact pins (`=X.Y.Z`) of named crates in a Cargo manifest, written as a bare string or in an
 * inline or dotted table, matched by key or by `package = "..."`. Only the version text moves:
 * the operator, its spacing and everything around stay. Pins of other crates stay.
 */
import { dependencyEntries } from '../version/manifests';
import { TomlScanError, scanToml } from '../version/toml-scan';
import { parseRequirement, rewriteRequirement } from '../version/versions';
import type { RuleContext } from './rule-context';

export function cargoPins(ctx: RuleContext, file: string, crates: readonly string[]): void {
  const text = ctx.required(file, 'cargo-pins rule');
  if (text === undefined) return;
  let scan;
  try {
    scan = scanToml(text);
  } catch (err) {
    if (!(err instanceof TomlScanError)) throw err;
    ctx.error(file, err.line, `not valid TOML: ${err.message}`, 'fix the manifest so cargo can read it');
    return;
  }
  const seen = new Set<string>();
  const splices: Array<{ start: number; end: number; text: string }> = [];
  for (const dep of dependencyEntries(scan)) {
    const pkg = dep.fields.get('package');
    const name = pkg?.kind === 'string' && pkg.value !== null ? pkg.value : dep.key;
    if (!crates.includes(name)) continue;
    seen.add(name);
    const req = dep.bare ?? dep.fields.get('version');
    const raw = req && req.kind === 'string' && req.quote?.length === 1 ? text.slice(req.innerStart, req.innerEnd) : null;
    const parsed = raw !== null && raw === req!.value ? parseRequirement(raw) : null;
    if (!parsed || parsed.op !== '=') {
      ctx.error(
        file,
        req?.line ?? dep.line,
        `${name} in [${dep.table.join('.')}] is required as ${raw !== null ? `"${raw}"` : 'something other than a version string'}, not an exact pin "=X.Y.Z"`,
        `pin it with "=", or drop ${name} from the cargo-pins rule`,
      );
      continue;
    }
    splices.push({ start: req!.innerStart, end: req!.innerEnd, text: rewriteRequirement(raw!, parsed, ctx.version) });
  }
  for (const crate of crates) {
    if (!seen.has(crate)) ctx.error(file, undefined, `no dependency on ${crate}`, `add it, or drop ${crate} from the cargo-pins rule`);
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  ctx.write(file, out);
}
