import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { allModules } from '../index.js';
import { machinesModule } from './module.js';

/** The build's modules including this one, whether or not it is registered in `allModules` yet. */
export const modulesWithMachines: ModuleManifest[] = allModules.some((m) => m.id === machinesModule.id) ? allModules : [...allModules, machinesModule];

/**
 * The outbound allow-list of tests whose receivers, brokers and OPC UA servers run on this
 * machine: loopback is refused by default (`WERKVERBUND_OUTBOUND_ALLOW`), so these tests open it
 * explicitly, as an operator would for a broker on the same host.
 */
export const loopbackAllowed = ['127.0.0.0/8', '::1'];
