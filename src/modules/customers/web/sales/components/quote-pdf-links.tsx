import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { customersPath } from '../../api';

/** Opens a quote version as PDF in German or English in a new tab. */
export function QuotePdfLinks({ companyId, quoteId, quoteNumber, version }: { companyId: string; quoteId: string; quoteNumber: string; version: number }) {
  const { t } = useTranslation();
  const href = (lang: 'de' | 'en') => `/api/v1${customersPath(companyId)}/quotes/${quoteId}/versions/${version}/pdf?lang=${lang}`;
  return (
    <Group gap="sm" data-testid="quote-pdf-links">
      <Text size="sm">{t('customersSales.pdf.label')}</Text>
      {(['de', 'en'] as const).map((lang) => (
        <Anchor key={lang} href={href(lang)} target="_blank" rel="noopener" size="sm"
          aria-label={t('customersSales.pdf.open', { number: quoteNumber, version, language: t(`customersSales.languages.${lang}`) })}>
          {t(`customersSales.languages.${lang}`)}
        </Anchor>
      ))}
    </Group>
  );
}
