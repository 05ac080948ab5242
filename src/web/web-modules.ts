import type { RouteObject } from 'react-router';
import { checkWebModule } from '../modules/check/web/index';
import { customersWebModule } from '../modules/customers/web/index';
import { investWebModule } from '../modules/invest/web/index';
import { machinesWebModule } from '../modules/machines/web/index';
import { privacyWebModule } from '../modules/privacy/web/index';
import { roadmapWebModule } from '../modules/roadmap/web/index';
import { shopfloorWebModule } from '../modules/shopfloor/web/index';

/**
 * The web part of each module: its routes below `/c/:companyId` (and public pages of its own). The navigation entries come
 * from the server (only switched-on modules, only what the role may see).
 */
export interface WebModule {
  id: string;
  routes: RouteObject[];
  /** Pages for people without an account (a customer's link), outside the signed-in layout. */
  publicRoutes?: RouteObject[];
  /** Loads the module's translations, for its tiles and start steps on the home page. */
  loadTranslations?: () => Promise<unknown>;
}

export const webModules: WebModule[] = [checkWebModule, roadmapWebModule, investWebModule, shopfloorWebModule, machinesWebModule, customersWebModule, privacyWebModule];
