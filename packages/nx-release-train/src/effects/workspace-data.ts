/**
 * One JSON file per cache under Nx's workspace data directory (`.nx/workspace-data`, or
 * NX_WORKSPACE_DATA_DIRECTORY), holding the last value and the key it was computed for. A
 * cache that cannot be read or written only costs speed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLUGIN_NAME } from '../core/plugin-name';

export function dataDir(workspaceRoot: string): string {
  return process.env.NX_WORKSPACE_DATA_DIRECTORY ?? join(workspaceRoot, '.nx', 'workspace-data');
}

/**
 * How a computation uses its cache file: `read-write` (the graph), `read-only` (a command: it
 * reuses what the graph computed for the same input but leaves no file in the tree it
 * releases), `off` (always compute).
 */
export type DiskCache = 'read-write' | 'read-only' | 'off';

const cacheFile = (workspaceRoot: string, name: string) => join(dataDir(workspaceRoot), `${PLUGIN_NAME}.${name}.json`);

/** The value cached under `name` when it was computed for `key`, else undefined. */
export function readCached<T>(workspaceRoot: string, name: string, key: string): T | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(workspaceRoot, name), 'utf8')) as { key: string; value: T };
    return cached.key === key ? cached.value : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces the cache `name` atomically (a concurrent reader sees the old file or the new one). */
export function writeCached(workspaceRoot: string, name: string, key: string, value: unknown): void {
  try {
    const file = cacheFile(workspaceRoot, name);
    mkdirSync(dataDir(workspaceRoot), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, value }));
    renameSync(tmp, file);
  } catch {
    // Speed only: the value itself is already computed.
  }
}
