/**
 * Which release candidates `nx release-yank` yanks (SPEC §1b): for every publishable crate,
 * the candidates of *its own* version (`X.0.0-rc.N`, a 0.x crate's `0.M.0-rc.N`) that the
 * version in the tree supersedes (a newer candidate, or the final release), not yanked yet,
 * never the version being released; and only once every crate of the release is in the
 * index. Pure: index answers come in as data.
 */
import semver from 'semver';

export interface YankCrate {
  name: string;
  /** The version in the tree (being released). */
  version: string;
  manifest: string;
  index: Array<{ vers: string; yanked: boolean }> | { error: string };
}

export interface YankItem {
  crate: string;
  version: string;
  supersededBy: string;
}

export interface YankPlan {
  yank: YankItem[];
  /** `crate@version` of the release not in the index yet: nothing may be yanked then. */
  missing: string[];
  /** Crates whose index or version could not be used, with why. */
  problems: Array<{ crate: string; message: string; fix: string }>;
}

/** The candidate number of `version` (`5.0.0-rc.3` -> 3) for this pre-release identifier, or null. */
export function candidateNumber(version: string, preid: string): number | null {
  const pre = semver.prerelease(version);
  if (!pre || pre.length !== 2 || pre[0] !== preid || typeof pre[1] !== 'number') return null;
  return pre[1];
}

const core = (v: string) => `${semver.major(v)}.${semver.minor(v)}.${semver.patch(v)}`;

/** `preid`: the candidates' pre-release identifier (`rc`); `devSuffix`: the never-released development versions' (`dev`). */
export function planYanks(crates: YankCrate[], preid: string, devSuffix: string): YankPlan {
  const plan: YankPlan = { yank: [], missing: [], problems: [] };
  for (const c of crates) {
    // A development version is never released, so it supersedes nothing: a -dev checkout (or
    // a -dev tag made by mistake) must not yank the candidates of the line it is on.
    if (semver.valid(c.version) && semver.prerelease(c.version)?.join('.') === devSuffix) {
      plan.problems.push({
        crate: c.name,
        message: `${c.name} has version ${c.version} in ${c.manifest}: a development version (-${devSuffix}), which is never released and supersedes no candidate`,
        fix: 'run release-yank on a release or candidate tag (made by nx release-rc, release-latest or release-patch), never on a -dev checkout',
      });
      continue;
    }
    if (!semver.valid(c.version) || (semver.prerelease(c.version) && candidateNumber(c.version, preid) === null)) {
      plan.problems.push({
        crate: c.name,
        message: `${c.name} has version ${c.version} in ${c.manifest}: neither a release nor a candidate (X.Y.Z-${preid}.N)`,
        fix: `release-yank runs on a release or candidate checkout; check the setting candidateSuffix ("${preid}")`,
      });
      continue;
    }
    if ('error' in c.index) {
      plan.problems.push({ crate: c.name, message: `cannot read ${c.name} from the index: ${c.index.error}`, fix: 'rerun later' });
      continue;
    }
    if (!c.index.some((v) => v.vers === c.version)) {
      plan.missing.push(`${c.name}@${c.version}`);
      continue;
    }
    for (const v of c.index) {
      if (v.yanked || v.vers === c.version || !semver.valid(v.vers)) continue;
      if (candidateNumber(v.vers, preid) === null || core(v.vers) !== core(c.version)) continue;
      if (semver.lt(v.vers, c.version)) plan.yank.push({ crate: c.name, version: v.vers, supersededBy: c.version });
    }
  }
  plan.yank.sort((a, b) => a.crate.localeCompare(b.crate) || semver.compare(a.version, b.version));
  return plan;
}
