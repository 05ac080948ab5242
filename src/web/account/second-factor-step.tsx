import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client';
import type { Me } from '../api/me';
import { ProblemAlert } from '../components/problem-alert';
import './translations';

/** What the first sign-in step answers when the person has a second factor. */
export interface SecondFactorChallenge {
  secondFactor: 'totp';
  challenge: string;
}

export const isChallenge = (answer: Me | SecondFactorChallenge): answer is SecondFactorChallenge => 'challenge' in answer;

/** The second sign-in step: the code of the authenticator app or a recovery code. */
export function SecondFactorStep({ challenge, onSignedIn, onCancel }: { challenge: string; onSignedIn: (me: Me) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => post<Me>('/auth/login/second-factor', { challenge, code }),
    onSuccess: onSignedIn,
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); confirm.mutate(); }}>
      <Stack>
        <Text>{t('account.signIn.intro')}</Text>
        <ProblemAlert error={confirm.error} />
        <TextInput
          label={t('account.signIn.code')}
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Button type="submit" loading={confirm.isPending} size="md">{t('account.signIn.submit')}</Button>
        <Anchor component="button" type="button" size="sm" onClick={onCancel}>{t('account.signIn.back')}</Anchor>
      </Stack>
    </form>
  );
}
