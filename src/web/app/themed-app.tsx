import { MantineProvider } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, makeTheme } from './theme';

export function ThemedApp({ nonce, children }: { nonce: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => makeTheme({ close: t('common.close'), clear: t('common.clear') }), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={() => nonce}>
      {children}
    </MantineProvider>
  );
}
