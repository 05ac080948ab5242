import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../api/client';
import { ME_KEY, type Me } from '../api/me';
import { type Lang, setLanguage } from '../i18n/i18n';

/** DE/EN switch; for a signed-in person the choice is saved with their account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const change = async (lang: string) => {
    await setLanguage(lang as Lang);
    if (signedIn) {
      const me = await patch<Me>('/me', { locale: lang });
      queryClient.setQueryData(ME_KEY, me);
    }
  };
  return (
    <SegmentedControl
      aria-label={t('nav.language')}
      size="xs"
      value={i18n.language === 'en' ? 'en' : 'de'}
      onChange={change}
      data={[
        { value: 'de', label: 'DE' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
