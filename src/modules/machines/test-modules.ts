import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { allModules } from '../index.js';
import { machinesModule } from './module.js';

/** The build's modules including this one, whether or not it is registered in `allModules` yet. */
export const modulesWithMachines: ModuleManifest[] = allModules.some((m) => m.id === machinesModule.id) ? allModules : [...allModules, machinesModule];
