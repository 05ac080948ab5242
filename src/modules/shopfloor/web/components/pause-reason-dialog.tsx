import '../reasons/load-translations';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Reason, downtimeTree } from '../../domain/reason-tree';
import { COLORS } from './status-badge';

/**
 * Pause with a downtime reason in two taps: first the group (e.g. "Störung"), then the reason
 * ("Elektrik"). Reasons without a group are offered next to the groups.
 */
export function PauseReasonDialog({ opened, reasons, onClose, onPause }: {
  opened: boolean; reasons: readonly Reason[]; onClose: () => void; onPause: (reason: Reason | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const [groupId, setGroupId] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setGroupId(null);
  }, [opened]);
  const tree = downtimeTree(reasons);
  const open = tree.find((g) => g.group?.id === groupId);
  const loose = tree.find((g) => g.group === null)?.reasons ?? [];
  const reasonButton = (r: Reason) => (
    <Button key={r.id} size="xl" h={80} variant="outline" color={COLORS.orange} onClick={() => onPause(r)} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }} data-reason={r.id}>
      {r.label[lang]}
    </Button>
  );
  return (
    <Modal opened={opened} onClose={onClose} title={open?.group ? `${t('shopfloor.pause.title')} › ${open.group.label[lang]}` : t('shopfloor.pause.title')} size="xl" centered closeButtonProps={{ size: 'xl', 'aria-label': t('shopfloor.pause.cancel') }}>
      <Stack gap="md">
        {tree.length === 0 ? (
          <>
            <Alert color="orange">{t('shopfloorReasons.terminal.noReasons')}</Alert>
            <Button size="xl" color={COLORS.orange} onClick={() => onPause(null)}>{t('shopfloorReasons.terminal.pauseWithoutReason')}</Button>
          </>
        ) : open ? (
          <>
            <Text>{t('shopfloorReasons.terminal.chooseReason')}</Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" role="group" aria-label={t('shopfloor.pause.reason')}>{open.reasons.map(reasonButton)}</SimpleGrid>
          </>
        ) : (
          <>
            <Text>{t('shopfloorReasons.terminal.chooseGroup')}</Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" role="group" aria-label={t('shopfloor.pause.reason')}>
              {tree.filter((g) => g.group).map((g) => (
                <Button key={g.group!.id} size="xl" h={80} color={COLORS.orange} onClick={() => setGroupId(g.group!.id)} rightSection={<span aria-hidden="true">›</span>} data-group={g.group!.id}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}>
                  {g.group!.label[lang]}
                </Button>
              ))}
              {loose.map(reasonButton)}
            </SimpleGrid>
          </>
        )}
        <Group justify={open ? 'space-between' : 'end'}>
          {open && <Button size="lg" variant="default" onClick={() => setGroupId(null)} leftSection={<span aria-hidden="true">‹</span>}>{t('shopfloorReasons.terminal.back')}</Button>}
          <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.pause.cancel')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
