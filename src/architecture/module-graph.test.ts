import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allModules } from '../modules/index.js';
import { GRAPH_END, GRAPH_START, graphInReadme, moduleGraphMermaid, withGraph } from './module-graph.js';

const readme = () => readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('module graph in the README', () => {
  it('is the one the manifests give (run `npm run docs:modules` after changing dependsOn or uses)', () => {
    expect(graphInReadme(readme())).toBe(moduleGraphMermaid(allModules));
  });

  it('draws dependsOn solid and uses dotted, and is noticed when out of date', () => {
    const modules = [
      { id: 'platform', name: { de: 'Plattform', en: 'Platform' }, dependsOn: [], core: true },
      { id: 'shopfloor', name: { de: 'Fertigung', en: 'Shop floor' }, dependsOn: ['platform'] },
      { id: 'machines', name: { de: 'Maschinendaten', en: 'Machine data' }, dependsOn: ['platform'], uses: ['shopfloor'] },
    ];
    const graph = moduleGraphMermaid(modules);
    expect(graph.split('\n')).toEqual([
      '```mermaid',
      'graph BT',
      '  machines["Machine data<br/><code>machines</code>"]',
      '  platform["Platform<br/><code>platform</code> (kernel)"]',
      '  shopfloor["Shop floor<br/><code>shopfloor</code>"]',
      '  machines --> platform',
      '  machines -.->|uses| shopfloor',
      '  shopfloor --> platform',
      '```',
    ]);
    const current = withGraph(`# X\n${GRAPH_START}\nold\n${GRAPH_END}\nrest\n`, graph);
    expect(graphInReadme(current)).toBe(graph);
    expect(current.endsWith(`${GRAPH_END}\nrest\n`)).toBe(true);
    const changed = moduleGraphMermaid([...modules.slice(0, 2), { ...modules[2]!, uses: [], dependsOn: ['platform', 'shopfloor'] }]);
    expect(graphInReadme(current)).not.toBe(changed);
    expect(graphInReadme('# no markers')).toBeUndefined();
  });
});
