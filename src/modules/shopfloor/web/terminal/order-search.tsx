import { Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ALL_WORK_CENTRES } from './use-terminal-order';

/** Work centre choice (fixed on a terminal set up for one) and the order number to type or scan. */
export function OrderSearch({ workCentres, selectedCentre, lockedCentre, onChooseWorkCentre, typed, onType, onOpen, onScan }: {
  workCentres: Array<{ id: string; code: string; name: string }>;
  selectedCentre: string;
  lockedCentre: string | null;
  onChooseWorkCentre: (id: string | null) => void;
  typed: string;
  onType: (text: string) => void;
  onOpen: (code: string) => void;
  onScan: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" mb="lg">
      <form onSubmit={(e) => { e.preventDefault(); onOpen(typed); }}>
        <Stack gap="md">
          <Select
            size="lg"
            maw={520}
            label={t('shopfloor.terminal.workCentre')}
            value={selectedCentre}
            allowDeselect={false}
            disabled={lockedCentre !== null}
            description={lockedCentre ? t('terminal.lockedToCentre') : undefined}
            onChange={onChooseWorkCentre}
            data={[{ value: ALL_WORK_CENTRES, label: t('shopfloor.terminal.allWorkCentres') }, ...workCentres.map((w) => ({ value: w.id, label: `${w.code} – ${w.name}` }))]}
          />
          <Group align="end" gap="md">
            <TextInput
              size="xl"
              style={{ flex: '1 1 280px' }}
              label={t('shopfloor.terminal.orderNumber')}
              description={t('shopfloor.terminal.orderNumberHint')}
              value={typed}
              onChange={(e) => onType(e.currentTarget.value)}
              autoComplete="off"
              autoCapitalize="characters"
              enterKeyHint="go"
              data-testid="order-number"
            />
            <Button type="submit" size="xl" disabled={!typed.trim()}>{t('shopfloor.terminal.find')}</Button>
            <Button size="xl" variant="outline" onClick={onScan} data-testid="scan">{t('shopfloorReasons.scan.button')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
