import type { Db } from '../../kernel/db/database.js';
import type { TenantContext } from '../../kernel/http/app-context.js';

/** What every roadmap service function needs: the database, the caller's company and language. */
export interface RoadmapContext {
  db: Db;
  tenant: TenantContext;
  lang: 'de' | 'en';
  /**
   * Whether another module is switched on for the company (the plan shows investment
   * evaluations only while `invest` is on). Without it, other modules count as off.
   */
  isModuleEnabled?: (moduleId: string) => Promise<boolean>;
}
