import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sources-api';

// Dark shades so the text meets WCAG AA contrast on white.
const COLORS: Record<ConnectionState, string> = { connected: '#1e6b34', connecting: '#1864ab', disconnected: '#a61e1e', stopped: '#495057', notRunning: '#495057', secretUnreadable: '#a61e1e' };

/** The state of a connection in words and colour (the colour never carries meaning alone). */
export function StatusBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[state]} variant="outline" data-state={state}>{t(`machinesSources.state.${state}`)}</Badge>;
}
