import { platformModule } from '../kernel/platform.module.js';
import type { ModuleManifest } from '../kernel/modules/module-manifest.js';
import { checkModule } from './check/module.js';
import { customersModule } from './customers/module.js';
import { investModule } from './invest/module.js';
import { machinesModule } from './machines/module.js';
import { privacyModule } from './privacy/module.js';
import { roadmapModule } from './roadmap/module.js';
import { shopfloorModule } from './shopfloor/module.js';

/** Every module of this build. The kernel orders them by their declared dependencies. */
export const allModules: ModuleManifest[] = [platformModule, checkModule, roadmapModule, investModule, shopfloorModule, machinesModule, customersModule, privacyModule];
