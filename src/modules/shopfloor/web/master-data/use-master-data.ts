import '../load-translations';
import './load-translations';
import { useTranslation } from 'react-i18next';
import { useCompany } from '../../../../web/layout/app-layout';

/** Translations below `shopfloorMasterData` and whether the signed-in role may change master data. */
export function useMasterData() {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  const m = (key: string, options?: Record<string, unknown>) => t(`shopfloorMasterData.${key}`, options ?? {}) as string;
  return { t, m, i18n, company, canPlan: company.permissions.includes('shopfloor.plan'), base: `/c/${company.id}/shopfloor` };
}
