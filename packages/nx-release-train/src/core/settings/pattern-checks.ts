/**
 * The train's ref names must never meet: a review branch that is `main` is force-pushed over
 * main, one shaped like a release branch is a release line CI tags unreviewed, a bump branch
 * read as a release branch makes main's bump a release, and a tag named like a branch makes
 * every ref it names ambiguous. Each name pattern is filled with sample versions of every
 * stage and read back through every other one (pattern.ts: the one reader of names).
 */
import { fillPattern, linePatternProblem, placeholdersOf, versionInName } from './pattern';
import { optionsSchema } from './schema';
import type { SettingProblem } from './validate';

/** The name settings, in the order the blame goes: a later one is the one that collides. */
const NAME_SETTINGS = ['mainBranch', 'branchPattern', 'tagPattern', 'bumpBranchPattern', 'releaseReviewBranchPattern', 'rcReviewBranchPattern'] as const;
type NameSetting = (typeof NAME_SETTINGS)[number];

/** Versions of every kind the train names: majors, 0.x lines, patches, candidates, development. */
const SAMPLES = ['5.0.0', '5.0.1', '0.92.0', '0.92.1', '1.257.0', '50.0.0-rc.1', '50.0.0-rc.2', '51.0.0-dev'];

const what: Record<NameSetting, string> = {
  mainBranch: 'the main branch',
  branchPattern: 'a release branch',
  tagPattern: 'a release tag',
  bumpBranchPattern: "main's bump review branch",
  releaseReviewBranchPattern: 'a release or patch review branch',
  rcReviewBranchPattern: 'a candidate review branch',
};

/** Does some name `a` gives read as a name of `b`? The name, or null. */
function meeting(a: string, b: string, aIsPattern: boolean, bIsPattern: boolean): string | null {
  const names = aIsPattern ? SAMPLES.map((s) => fillPattern(a, s)) : [a];
  for (const name of names) {
    if (bIsPattern ? versionInName(b, name) !== null || (placeholdersOf(b).size === 0 && b === name) : b === name) return name;
  }
  return null;
}

export function namePatternProblems(options: Record<NameSetting, unknown>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const line = typeof options.branchPattern === 'string' ? linePatternProblem(options.branchPattern) : null;
  if (line)
    problems.push({
      setting: 'branchPattern',
      message: `branchPattern ${JSON.stringify(options.branchPattern)} ${line}`,
      fix: 'write {version} (release-{version}) or {major} and {minor} apart ({major}.{minor}) in branchPattern in nx.json',
    });
  // A candidate's tag must differ from its release's: only {version} carries the `-rc.N`.
  if (typeof options.tagPattern === 'string' && !placeholdersOf(options.tagPattern).has('version'))
    problems.push({
      setting: 'tagPattern',
      message: `tagPattern ${JSON.stringify(options.tagPattern)} has no {version}, so a candidate (50.0.0-rc.1) and its release (50.0.0) would get one tag`,
      fix: 'write {version} in tagPattern in nx.json (the default is "v{version}")',
    });
  const given = NAME_SETTINGS.filter((s) => typeof options[s] === 'string');
  for (const [i, later] of given.entries()) {
    for (const earlier of given.slice(0, i)) {
      const [a, b] = [options[later] as string, options[earlier] as string];
      const [aIs, bIs] = [later !== 'mainBranch', earlier !== 'mainBranch'];
      const name = meeting(a, b, aIs, bIs) ?? meeting(b, a, bIs, aIs);
      if (name === null) continue;
      problems.push({
        setting: later,
        message: `${later} ${JSON.stringify(a)} gives ${JSON.stringify(name)}, which is also ${what[earlier]} (${earlier} ${JSON.stringify(b)})`,
        fix: `give ${later} in nx.json a name of its own (the default is ${JSON.stringify(optionsSchema.parse({})[later])}), so the train's refs never stand for each other`,
      });
      break;
    }
  }
  return problems;
}
