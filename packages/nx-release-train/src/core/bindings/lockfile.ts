/**
 * Lock file entries of named packages. Gemfile.lock lists each gem once per platform under a
 * `specs:` block, indented four spaces: `    name (X.Y.Z)` or `    name (X.Y.Z-platform)`;
 * deeper lines are requirements of the gem above (`      rb_sys (~> 0.9)`) and stay.
 */
import { type RuleContext, escapeRegExp } from './rule-context';

export function gemfileLock(ctx: RuleContext, file: string, packages: readonly string[]): void {
  let text = ctx.required(file, 'lockfile rule');
  if (text === undefined) return;
  for (const name of packages) {
    const entry = new RegExp(`^( {4}${escapeRegExp(name)} \\()(\\d+(?:\\.[0-9A-Za-z]+)*)((?:-[^)\\s]+)?\\))$`, 'gm');
    let found = 0;
    text = text.replace(entry, (_all, head: string, _old: string, tail: string) => {
      found++;
      return head + ctx.version + tail;
    });
    if (!found)
      ctx.error(
        file,
        undefined,
        `no entry "${name} (X.Y.Z)" in a specs: block`,
        `run bundle install so ${file} lists ${name}, or drop it from the lockfile rule`,
      );
  }
  ctx.write(file, text);
}
