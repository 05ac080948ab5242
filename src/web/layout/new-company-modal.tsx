import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post } from '../api/client';
import { ME_KEY } from '../api/me';
import { ProblemAlert, fieldError } from '../components/problem-alert';

/** Creates another company; the person becomes its owner and switches to it. */
export function NewCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => post<{ id: string }>('/companies', { name }),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      setName('');
      onClose();
      navigate(`/c/${id}/profile`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('nav.newCompany')}>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput label={t('auth.companyName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(create.error, 'body.name', t)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
