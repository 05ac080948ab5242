import '../load-translations';
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Download links for a list as CSV and XLSX with the list's current filters, in the reader's
 * language (German CSV with ";" and decimal comma).
 */
export function ExportLinks({ path, params, label }: { path: string; params: Record<string, string | undefined>; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  query.set('lang', lang);
  return (
    <Group gap="sm" role="group" aria-label={label}>
      <Text size="sm">{label}:</Text>
      <Anchor href={`/api/v1${path}.csv?${query}`} download size="sm">{t('customers.export.csv')}</Anchor>
      <Anchor href={`/api/v1${path}.xlsx?${query}`} download size="sm">{t('customers.export.xlsx')}</Anchor>
    </Group>
  );
}
