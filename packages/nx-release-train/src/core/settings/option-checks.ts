/**
 * Checks on option values that reach git or the file system: every branch and tag pattern
 * (filled with sample versions) against git's ref-name rules, and the marker that makes CI publish. Pure; `resolveOptions` runs it once the types fit, so
 * a bad value is reported with its setting before any command asks git anything.
 */
import type { z } from 'zod';
import { fillPattern } from './pattern';
import type { OptionsSchema } from './schema';
import type { SettingProblem as OptionProblem } from './validate';
import { namePatternProblems } from './pattern-checks';
import { branchNameProblem, registryNameProblem, remoteNameProblem, tagNameProblem } from './ref-name';

/** Versions every pattern must turn into valid names: a major, a 0.x line, a candidate. */
const SAMPLES = ['5.0.0', '0.92.1', '50.0.0-rc.1'];

type Check = (name: string) => string | null;
type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkOptionValues(options: z.output<OptionsSchema>): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const pattern = (setting: string, value: unknown, check: Check, what: string) => {
    if (typeof value !== 'string') return;
    for (const sample of SAMPLES) {
      const name = fillPattern(value, sample);
      const why = check(name);
      if (why) {
        problems.push({
          setting,
          message: `${setting} ${JSON.stringify(value)} gives the ${what} ${JSON.stringify(name)}, which ${why} (git refuses it)`,
          fix: `use a ${what} name git accepts (git check-ref-format), e.g. "${what === 'tag' ? 'v{version}' : 'release-{version}'}"`,
        });
        return;
      }
    }
  };
  const name = (setting: string, value: unknown, check: Check, what: string) => {
    if (typeof value !== 'string') return;
    const why = check(value);
    if (why)
      problems.push({
        setting,
        message: `${setting} ${JSON.stringify(value)} ${why}, so it cannot be a git ${what}`,
        fix: `use a ${what} name git accepts (git check-ref-format)`,
      });
  };
  const oneLine = (setting: string, value: unknown) => {
    if (typeof value !== 'string') return;
    if (value.trim() === '') problems.push({ setting, message: `${setting} is empty`, fix: `set ${setting} (see the default) or remove it` });
    else if (/[\r\n]/.test(value))
      problems.push({ setting, message: `${setting} ${JSON.stringify(value)} spans more than one line`, fix: `write ${setting} on one line` });
  };

  pattern('branchPattern', options.branchPattern, branchNameProblem, 'branch');
  pattern('bumpBranchPattern', options.bumpBranchPattern, branchNameProblem, 'branch');
  pattern('tagPattern', options.tagPattern, tagNameProblem, 'tag');
  pattern('releaseReviewBranchPattern', options.releaseReviewBranchPattern, branchNameProblem, 'branch');
  pattern('rcReviewBranchPattern', options.rcReviewBranchPattern, branchNameProblem, 'branch');
  name('mainBranch', options.mainBranch, branchNameProblem, 'branch');
  name('remote', options.remote, remoteNameProblem, 'remote');
  if (typeof options.registry === 'string') {
    const why = registryNameProblem(options.registry);
    if (why)
      problems.push({
        setting: 'registry',
        message: `registry ${JSON.stringify(options.registry)} ${why}`,
        fix: "use the name of a registry in cargo's configuration ([registries.<name>]), or null for crates.io",
      });
  }
  // An empty marker is carried by every commit, so release-tag would tag (and CI publish) any of them.
  oneLine('marker', options.marker);
  oneLine('bumpTitle', options.bumpTitle);
  oneLine('releaseTitle', options.releaseTitle);

  const bindings: unknown = options.bindings;
  if (isObject(bindings)) {
    pattern('bindings.branchPattern', bindings.branchPattern, branchNameProblem, 'branch');
    if (Array.isArray(bindings.repos)) {
      bindings.repos.forEach((repo: unknown, i) => {
        if (!isObject(repo)) return;
        const at = `bindings.repos[${i}]`;
        pattern(`${at}.branchPattern`, repo.branchPattern, branchNameProblem, 'branch');
        pattern(`${at}.tagPattern`, repo.tagPattern, tagNameProblem, 'tag');
        name(`${at}.baseBranch`, repo.baseBranch, branchNameProblem, 'branch');
      });
    }
  }
  // Names git accepts must still never meet (one problem per setting: the first found).
  const reported = new Set(problems.map((p) => p.setting));
  problems.push(...namePatternProblems(options).filter((p) => !reported.has(p.setting) && (reported.add(p.setting), true)));
  return problems;
}
