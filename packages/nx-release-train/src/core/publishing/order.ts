/**
 * Publish order (SPEC §4): a crate goes to the registry only after every workspace crate it
 * needs from there. Normal and build dependencies count; a dev-dependency counts only when it
 * carries a version (cargo strips path-only dev-dependencies when packaging, which is how
 * real workspaces keep test cycles harmless). Pure: the workspace model in, waves out.
 */
import type { Crate, Diagnostic, MemberDep, Workspace } from '../model';

export interface PublishEdge {
  from: string;
  to: string;
  dep: MemberDep;
}

export interface PublishOrder {
  /** Dependency levels: wave N holds crates whose publish dependencies all sit in waves < N. */
  waves: string[][];
  /** Publish dependencies of each publishable crate (workspace crates only), sorted. */
  needs: Record<string, string[]>;
  /** Problems that make `cargo publish` fail or ordering impossible. */
  diagnostics: Diagnostic[];
}

/** Does this dependency entry constrain publishing? */
export function ordersPublishing(dep: MemberDep): boolean {
  return dep.kind !== 'dev' || dep.req !== null;
}

const kindLabel = (dep: MemberDep) => (dep.kind === 'dev' ? 'dev-dependency with a version' : dep.kind === 'build' ? 'build-dependency' : 'dependency');

export function publishEdges(ws: Workspace): PublishEdge[] {
  const publishable = new Set(ws.members.filter((c) => c.publishable).map((c) => c.name));
  const edges: PublishEdge[] = [];
  for (const crate of ws.members) {
    if (!publishable.has(crate.name)) continue;
    for (const dep of crate.deps) {
      if (dep.crate !== crate.name && ordersPublishing(dep) && publishable.has(dep.crate)) {
        edges.push({ from: crate.name, to: dep.crate, dep });
      }
    }
  }
  return edges;
}

/** Entries that cargo would refuse to publish: checked here so the plan reports them all. */
function unpublishableDeps(ws: Workspace): Diagnostic[] {
  const byName = new Map(ws.members.map((c) => [c.name, c]));
  const out: Diagnostic[] = [];
  for (const crate of ws.members.filter((c) => c.publishable)) {
    for (const dep of crate.deps) {
      if (!ordersPublishing(dep) || dep.crate === crate.name) continue;
      const target = byName.get(dep.crate);
      if (dep.req === null) {
        out.push({
          level: 'error',
          file: dep.file,
          line: dep.line,
          message: `crate "${crate.name}" has a ${kindLabel(dep)} on "${dep.crate}" without a version; cargo publish refuses it`,
          fix: `add version = "${target?.version ?? 'X.Y.Z'}" next to the path of "${dep.key}"`,
        });
      } else if (target && !target.publishable) {
        out.push({
          level: 'error',
          file: dep.file,
          line: dep.line,
          message: `publishable crate "${crate.name}" needs "${dep.crate}" from the registry, but "${dep.crate}" has publish = false`,
          fix:
            dep.kind === 'dev'
              ? `drop the version from the dev-dependency "${dep.key}" (cargo then strips it), or make "${dep.crate}" publishable`
              : `make "${dep.crate}" publishable, or mark "${crate.name}" publish = false`,
        });
      }
    }
  }
  return out;
}

/** The first cycle found, as a closed path of edges (a -> b -> ... -> a), or null. */
export function findCycle(names: string[], edges: PublishEdge[]): PublishEdge[] | null {
  const out = new Map<string, PublishEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: PublishEdge[] = [];
  const visit = (n: string): PublishEdge[] | null => {
    state.set(n, 'open');
    for (const e of out.get(n) ?? []) {
      if (state.get(e.to) === 'open') {
        const start = stack.findIndex((s) => s.from === e.to);
        return [...stack.slice(start === -1 ? stack.length : start), e];
      }
      if (!state.has(e.to)) {
        stack.push(e);
        const found = visit(e.to);
        if (found) return found;
        stack.pop();
      }
    }
    state.set(n, 'done');
    return null;
  };
  for (const n of [...names].sort()) {
    if (!state.has(n)) {
      const found = visit(n);
      if (found) return found;
    }
  }
  return null;
}

export function cycleDiagnostic(cycle: PublishEdge[]): Diagnostic {
  const first = cycle[0];
  const path = [...cycle.map((e) => `"${e.from}"`), `"${first.from}"`].join(' -> ');
  const steps = cycle.map((e) => `"${e.from}" needs "${e.to}" (${kindLabel(e.dep)}, ${e.dep.file}:${e.dep.line})`);
  const dev = cycle.find((e) => e.dep.kind === 'dev');
  return {
    level: 'error',
    file: first.dep.file,
    line: first.dep.line,
    message: `publish order has a cycle between "${first.from}" and "${first.to}": ${path}; ${steps.join('; ')}`,
    fix: dev
      ? `remove the version from the dev-dependency "${dev.dep.key}" in ${dev.dep.file}:${dev.dep.line} (cargo strips path-only dev-dependencies), so it no longer orders publishing`
      : 'break the cycle: crates in a cycle can never be published one after the other',
  };
}

/** Waves of publishable crates, or diagnostics explaining why there is no order. */
export function publishOrder(ws: Workspace): PublishOrder {
  const crates = ws.members.filter((c) => c.publishable);
  const names = crates.map((c) => c.name);
  const edges = publishEdges(ws);
  const needs: Record<string, string[]> = {};
  for (const n of names) needs[n] = [];
  for (const e of edges) if (!needs[e.from].includes(e.to)) needs[e.from].push(e.to);
  for (const n of names) needs[n].sort();
  const diagnostics = unpublishableDeps(ws);
  const cycle = findCycle(names, edges);
  if (cycle) return { waves: [], needs, diagnostics: [...diagnostics, cycleDiagnostic(cycle)] };
  return { waves: levels(crates, needs), needs, diagnostics };
}

function levels(crates: Crate[], needs: Record<string, string[]>): string[][] {
  const level = new Map<string, number>();
  const of = (n: string): number => {
    const known = level.get(n);
    if (known !== undefined) return known;
    const l = needs[n].length ? 1 + Math.max(...needs[n].map(of)) : 0;
    level.set(n, l);
    return l;
  };
  const waves: string[][] = [];
  for (const c of crates) (waves[of(c.name)] ??= []).push(c.name);
  return waves.map((w) => w.sort());
}

/** Everything a crate needs published before it, transitively (for `verify`). */
export function transitiveNeeds(needs: Record<string, string[]>, name: string): string[] {
  const seen = new Set<string>();
  const walk = (n: string) => {
    for (const d of needs[n] ?? []) {
      if (!seen.has(d)) {
        seen.add(d);
        walk(d);
      }
    }
  };
  walk(name);
  return [...seen].sort();
}
