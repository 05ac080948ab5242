import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header';
import { useCompany } from '../layout/app-layout';
import { CompanyImportCard } from './company-import-card';

export default function ExportPage() {
  const { t } = useTranslation();
  const company = useCompany();
  const allowed = company.permissions.includes('export.download');
  return (
    <>
      <PageHeader title={t('export.title')} intro={t('export.intro', { company: company.name })} />
      <Paper withBorder p="lg" mb="lg">
        <Stack align="flex-start">
          <Text size="sm">{t('export.contents')}</Text>
          {allowed ? (
            <Button component="a" href={`/api/v1/companies/${company.id}/export`} download size="md">{t('export.download')}</Button>
          ) : (
            <Alert>{t('export.ownerOnly')}</Alert>
          )}
        </Stack>
      </Paper>
      {allowed && <CompanyImportCard />}
    </>
  );
}
