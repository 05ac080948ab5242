import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NotFound() {
  const { t } = useTranslation();
  return <Alert color="yellow" role="alert">{t('shopfloorMasterData.form.notFound')}</Alert>;
}
