/**
 * The `bindings` setting, filled from its defaults key by key (`resolveOptions` merges top-level
 * settings only) and checked down to each rule, so a typo in a rule is reported with its
 * setting path before any repository is cloned.
 */
import type { OptionProblem } from '../options';
import { DEFAULT_BINDINGS, type BindingRepo, type BindingRule, type BindingsOptions } from './rules';

type Raw = Record<string, unknown>;

const RULE_FIELDS: Record<BindingRule['kind'], Record<string, 'string' | 'string[]' | 'optional-string'>> = {
  'version-file': { file: 'string' },
  pattern: { file: 'string', pattern: 'string' },
  'go-module': { module: 'string', goMod: 'optional-string' },
  'cargo-pins': { file: 'string', crates: 'string[]' },
  lockfile: { file: 'string', format: 'string', packages: 'string[]' },
};

const REPO_FIELDS: Record<keyof BindingRepo, 'string' | 'optional-string' | 'array'> = {
  name: 'string',
  url: 'string',
  github: 'optional-string',
  baseBranch: 'optional-string',
  branchPattern: 'optional-string',
  tagPattern: 'optional-string',
  rules: 'array',
};

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export function resolveBindings(raw: unknown): { bindings: BindingsOptions; problems: OptionProblem[] } {
  const bindings = structuredClone(DEFAULT_BINDINGS);
  const problems: OptionProblem[] = [];
  const problem = (setting: string, message: string, fix: string) => problems.push({ setting, message, fix });
  if (raw === undefined || raw === null) return { bindings, problems };
  if (!isObject(raw)) {
    problem('bindings', 'setting "bindings" must be an object', 'write "bindings": { "repos": [...] }');
    return { bindings, problems };
  }
  for (const [key, value] of Object.entries(raw)) {
    const setting = `bindings.${key}`;
    if (key === 'repos') {
      if (!Array.isArray(value)) problem(setting, `${setting} must be an array`, 'write "repos": [{ "name": ..., "url": ..., "rules": [...] }]');
      else bindings.repos = value as BindingRepo[];
    } else if (key === 'githubApiUrl') {
      if (value !== null && typeof value !== 'string') problem(setting, `${setting} must be a URL string or null`, 'e.g. "https://api.github.com"');
      else bindings.githubApiUrl = value;
    } else if (key === 'branchPattern' || key === 'title') {
      if (typeof value !== 'string' || !value.includes('{version}')) problem(setting, `${setting} must be a string with {version}`, `e.g. "${DEFAULT_BINDINGS[key]}"`);
      else bindings[key] = value;
    } else {
      problem(setting, `unknown setting "${setting}"`, `remove it; known: ${Object.keys(DEFAULT_BINDINGS).join(', ')}`);
    }
  }
  const names = new Set<string>();
  bindings.repos.forEach((repo, i) => {
    const at = `bindings.repos[${i}]`;
    if (!isObject(repo)) return problem(at, `${at} must be an object`, 'give name, url and rules');
    checkFields(repo, REPO_FIELDS, at, problem);
    if (typeof repo.name === 'string') {
      if (!/^[A-Za-z0-9._-]+$/.test(repo.name)) problem(`${at}.name`, `${at}.name "${repo.name}" has characters other than letters, digits, . _ -`, 'use a short name such as "py"');
      if (names.has(repo.name)) problem(`${at}.name`, `two binding repos are named "${repo.name}"`, 'give each repo its own name');
      names.add(repo.name);
    }
    if (repo.github !== undefined && typeof repo.github === 'string' && !/^[^/\s]+\/[^/\s]+$/.test(repo.github)) {
      problem(`${at}.github`, `${at}.github "${repo.github}" is not owner/name`, 'e.g. "bytecodealliance/wasmtime-py"');
    }
    for (const field of ['branchPattern'] as const) {
      const v = repo[field];
      if (typeof v === 'string' && !v.includes('{version}') && !v.includes('{major}')) {
        problem(`${at}.${field}`, `${at}.${field} "${v}" has no {version} or {major}`, 'name the branch after the version, e.g. "update-{version}"');
      }
    }
    if (Array.isArray(repo.rules)) repo.rules.forEach((rule: unknown, j: number) => checkRule(rule, `${at}.rules[${j}]`, problem));
  });
  return { bindings, problems };
}

function checkRule(rule: unknown, at: string, problem: (s: string, m: string, f: string) => void): void {
  if (!isObject(rule) || typeof rule.kind !== 'string' || !(rule.kind in RULE_FIELDS)) {
    problem(`${at}.kind`, `${at} has no known "kind"`, `use one of: ${Object.keys(RULE_FIELDS).join(', ')}`);
    return;
  }
  const fields = RULE_FIELDS[rule.kind as BindingRule['kind']];
  checkFields(rule, { kind: 'string', ...fields }, at, problem);
  if (rule.kind === 'pattern' && typeof rule.pattern === 'string' && !/\{(version|major|minor|patch)\}/.test(rule.pattern)) {
    problem(`${at}.pattern`, `${at}.pattern "${rule.pattern}" has no {version}, {major}, {minor} or {patch}`, 'add a placeholder where the version goes');
  }
  if (rule.kind === 'lockfile' && rule.format !== 'gemfile') {
    problem(`${at}.format`, `${at}.format "${String(rule.format)}" is not supported`, 'use "gemfile" (Gemfile.lock)');
  }
  if (rule.kind === 'go-module' && typeof rule.module === 'string' && /\/v\d+$/.test(rule.module)) {
    problem(`${at}.module`, `${at}.module "${rule.module}" ends in a major suffix`, `give the path without it: "${rule.module.replace(/\/v\d+$/, '')}"`);
  }
  for (const key of ['file', 'goMod'] as const) {
    const v = rule[key];
    if (typeof v === 'string' && (v.startsWith('/') || v.split('/').includes('..'))) {
      problem(`${at}.${key}`, `${at}.${key} "${v}" leaves the repository`, 'give a path relative to the repository root');
    }
  }
}

function checkFields(
  value: Raw,
  fields: Record<string, string>,
  at: string,
  problem: (s: string, m: string, f: string) => void,
): void {
  for (const [key, kind] of Object.entries(fields)) {
    const v = value[key];
    const ok =
      kind === 'string' ? typeof v === 'string' && v.length > 0
      : kind === 'optional-string' ? v === undefined || (typeof v === 'string' && v.length > 0)
      : kind === 'array' ? Array.isArray(v)
      : Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.length > 0);
    if (!ok) problem(`${at}.${key}`, `${at}.${key} is ${v === undefined ? 'missing' : JSON.stringify(v)}`, `give ${kind === 'string[]' ? 'a non-empty list of names' : kind === 'array' ? 'a list' : 'a non-empty string'}`);
  }
  for (const key of Object.keys(value)) {
    if (!(key in fields)) problem(`${at}.${key}`, `unknown setting "${at}.${key}"`, `remove it; known: ${Object.keys(fields).join(', ')}`);
  }
}
