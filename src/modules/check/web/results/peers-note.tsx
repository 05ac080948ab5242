import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckResultView } from '../api';

/** Whether the anonymous comparison applies, and why not if it does not. */
export function PeersNote({ peers }: { peers: CheckResultView['peers'] }) {
  const { t } = useTranslation();
  const text = !peers.optedIn ? t('check.results.peersOff') : peers.groupSize === null ? t('check.results.peersTooFew') : t('check.results.peersGroup', { count: peers.groupSize });
  return <Alert title={t('check.results.peersTitle')} color={peers.groupSize === null ? 'gray' : 'werkblau'} data-testid="peers-note">{text}</Alert>;
}
