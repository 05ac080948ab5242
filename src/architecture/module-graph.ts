import { readFileSync, writeFileSync } from 'node:fs';
import type { Localized } from '../kernel/modules/module-manifest.js';

export interface GraphModule {
  id: string;
  name: Localized;
  dependsOn: readonly string[];
  uses?: readonly string[];
  core?: boolean;
}

export const GRAPH_START = '<!-- module-graph:start (written by `npm run docs:modules` from the manifests; do not edit) -->';
export const GRAPH_END = '<!-- module-graph:end -->';

/** The module graph as a Mermaid block: a solid arrow for `dependsOn`, a dotted one for `uses`. */
export function moduleGraphMermaid(modules: readonly GraphModule[]): string {
  const ordered = [...modules].sort((a, b) => a.id.localeCompare(b.id));
  const lines = ['```mermaid', 'graph BT'];
  for (const m of ordered) lines.push(`  ${m.id}["${m.name.en}<br/><code>${m.id}</code>${m.core ? ' (kernel)' : ''}"]`);
  for (const m of ordered) {
    for (const d of [...m.dependsOn].sort()) lines.push(`  ${m.id} --> ${d}`);
    for (const u of [...(m.uses ?? [])].sort()) lines.push(`  ${m.id} -.->|uses| ${u}`);
  }
  lines.push('```');
  return lines.join('\n');
}

/** The text between the markers of `readme`, or undefined when a marker is missing. */
export function graphInReadme(readme: string): string | undefined {
  const start = readme.indexOf(GRAPH_START);
  const end = readme.indexOf(GRAPH_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + GRAPH_START.length, end).trim();
}

/** `readme` with the graph between the markers replaced by `graph`. */
export function withGraph(readme: string, graph: string): string {
  const start = readme.indexOf(GRAPH_START);
  const end = readme.indexOf(GRAPH_END);
  if (start < 0 || end < start) throw new Error(`README lacks the markers ${GRAPH_START} … ${GRAPH_END}`);
  return `${readme.slice(0, start + GRAPH_START.length)}\n${graph}\n${readme.slice(end)}`;
}

/** Rewrites the graph in the README file; returns whether it changed. */
export function writeGraphToReadme(readmePath: string, modules: readonly GraphModule[]): boolean {
  const before = readFileSync(readmePath, 'utf8');
  const after = withGraph(before, moduleGraphMermaid(modules));
  if (after !== before) writeFileSync(readmePath, after);
  return after !== before;
}
