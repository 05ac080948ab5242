// `npm run docs:modules`: writes the module graph of the manifests into the README's architecture section.
import path from 'node:path';
import { allModules } from '../modules/index.js';
import { writeGraphToReadme } from './module-graph.js';

const readme = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../README.md');
console.log(writeGraphToReadme(readme, allModules) ? 'README.md: module graph updated' : 'README.md: module graph is current');
