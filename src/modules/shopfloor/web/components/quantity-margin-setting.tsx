import '../load-translations';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../../../web/api/client';
import { InvalidFieldsProvider, NumberField, useInvalidFields } from '../../../../web/components/number-field';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { type ShopfloorSettings, shopfloorKeys, shopfloorPath, useShopfloorSettings } from '../api';

/** The margin above the remaining quantity from which the terminal asks before booking a quantity. */
export function QuantityMarginSetting({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useShopfloorSettings(companyId);
  const [margin, setMargin] = useState<number | null>(null);
  const invalid = useInvalidFields();
  useEffect(() => {
    if (settings.data) setMargin(settings.data.overQuantityMarginPercent);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => put<ShopfloorSettings>(`${shopfloorPath(companyId)}/settings`, { overQuantityMarginPercent: margin }),
    onSuccess: (data) => queryClient.setQueryData(shopfloorKeys.settings(companyId), data),
  });
  return (
    <Card withBorder padding="md" mb="lg" component="section" aria-labelledby="quantity-margin-title">
      <Title order={2} size="h4" id="quantity-margin-title">{t('shopfloor.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('shopfloor.settings.intro')}</Text>
      <InvalidFieldsProvider value={invalid}>
      <Group align="flex-start" gap="md">
        <NumberField
          label={t('shopfloor.settings.margin')}
          value={margin}
          unit="%"
          rules={{ integer: true, min: 0, max: 1000 }}
          onValue={(v) => { setMargin(v); save.reset(); }}
          readOnly={!canEdit}
          w={220}
          data-testid="quantity-margin"
        />
        {canEdit && (
          <Button mt={25} loading={save.isPending} disabled={margin === null || invalid.count > 0} onClick={() => save.mutate()}>{t('common.save')}</Button>
        )}
      </Group>
      </InvalidFieldsProvider>
      {save.isSuccess && <Text size="sm" c="green.9" role="status">{t('common.saved')}</Text>}
      <ProblemAlert error={save.error} />
    </Card>
  );
}
