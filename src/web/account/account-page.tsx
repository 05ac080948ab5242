import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me';
import { PageHeader } from '../components/page-header';
import { PasswordChangeCard } from './password-change-card';
import { TotpCard } from './totp-card';
import './translations';

/** "Mein Konto": password change and two-factor sign-in of the signed-in person. */
export default function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return null;
  const required = !me.user.totpEnabled && me.companies.some((c) => c.requireTotp);
  return (
    <>
      <PageHeader title={t('account.title')} intro={t('account.intro', { email: me.user.email ?? '' })} />
      <Stack maw={720}>
        {required && <Alert color="yellow" role="status" data-testid="totp-required">{t('account.totp.required')}</Alert>}
        <TotpCard />
        <PasswordChangeCard />
      </Stack>
    </>
  );
}
