/**
 * Finds a dependency cycle among nodes (edges point from a node to the ids it depends on; edges
 * to unknown ids are ignored). Returns the ids along one cycle, first id repeated at the end,
 * or null when the graph is acyclic.
 */
export function findCycle(nodes: ReadonlyArray<{ id: string; dependsOn: readonly string[] }>): string[] | null {
  const edges = new Map(nodes.map((n) => [n.id, n.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];

  const visit = (id: string): string[] | null => {
    const s = state.get(id);
    if (s === 'done') return null;
    if (s === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const dep of edges.get(id) ?? []) {
      if (!edges.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };

  for (const n of nodes) {
    const cycle = visit(n.id);
    if (cycle) return cycle;
  }
  return null;
}
