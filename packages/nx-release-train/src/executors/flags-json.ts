/**
 * Each executor's schema.json, as Nx reads it (executors.json names the file): its flags'
 * types for `--help` without Nx (cli.ts) and for taking plain flags without zod (execute.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FlagsJson } from '../core/flags/define';

export interface ExecutorEntry {
  implementation: string;
  schema: string;
  description: string;
}

export const packageRoot = resolve(__dirname, '../..');

let entries: Record<string, ExecutorEntry> | undefined;

/** executors.json's entries, by executor name. */
export function executorEntries(): Record<string, ExecutorEntry> {
  return (entries ??= (JSON.parse(readFileSync(join(packageRoot, 'executors.json'), 'utf8')) as { executors: Record<string, ExecutorEntry> }).executors);
}

const read = new Map<string, FlagsJson>();

/** The schema.json of executor `name`. */
export function flagsJson(name: string): FlagsJson {
  let json = read.get(name);
  if (!json) {
    const entry = executorEntries()[name];
    if (!entry) throw new Error(`no executor ${name} in executors.json`);
    json = JSON.parse(readFileSync(join(packageRoot, entry.schema), 'utf8')) as FlagsJson;
    read.set(name, json);
  }
  return json;
}
