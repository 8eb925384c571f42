/**
 * The edits that move one binding repository to a version: every rule runs on the texts left
 * by the rules before it, and every problem is collected before anything is written.
 */
import * as semver from 'semver';
import type { Diagnostic } from '../model';
import { cargoPins } from './cargo-pins';
import { type RepoFiles, RuleContext } from './rule-context';
import { goModule } from './go-module';
import { gemfileLock } from './lockfile';
import type { BindingRule } from './rules';
import { patternRule, versionFile } from './text-rules';

export interface BindingEdit {
  file: string;
  before: string;
  after: string;
}

export interface BindingPlan {
  /** Changed files in path order; empty when the repository is already at the version. */
  edits: BindingEdit[];
  /** Errors refuse the whole repository: it is left untouched. */
  problems: Diagnostic[];
}

export function planBindingEdits(rules: readonly BindingRule[], version: string, repo: RepoFiles): BindingPlan {
  if (!semver.valid(version)) {
    return { edits: [], problems: [{ level: 'error', file: '(version)', message: `"${version}" is not a version X.Y.Z`, fix: 'pass --version=X.Y.Z' }] };
  }
  const ctx = new RuleContext(version, repo);
  for (const rule of rules) {
    switch (rule.kind) {
      case 'version-file':
        versionFile(ctx, rule.file);
        break;
      case 'pattern':
        patternRule(ctx, rule.file, rule.pattern);
        break;
      case 'go-module':
        goModule(ctx, rule.module, rule.goMod);
        break;
      case 'cargo-pins':
        cargoPins(ctx, rule.file, rule.crates);
        break;
      case 'lockfile':
        gemfileLock(ctx, rule.file, rule.packages);
        break;
    }
  }
  return { edits: ctx.problems.length ? [] : ctx.changed(), problems: ctx.problems };
}

/** Reads a repository held in memory (tests, and the dry run's summary). */
export function filesFromMap(files: Readonly<Record<string, string>>): RepoFiles {
  return { paths: Object.keys(files).sort(), read: (path) => files[path] };
}
