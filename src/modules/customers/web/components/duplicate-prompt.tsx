import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../api';

/** "Really a new customer?" — the likely duplicates with their reasons; creating anyway is explicit. */
export function DuplicatePrompt({ companyId, candidates, onCreateAnyway, onCancel, pending }: {
  companyId: string;
  candidates: DuplicateCandidate[];
  onCreateAnyway: () => void;
  onCancel: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert title={t('customers.duplicates.title')} data-testid="duplicate-prompt" role="alertdialog" aria-live="assertive">
      <Text size="sm" mb="xs">{t('customers.duplicates.intro')}</Text>
      <List size="sm" mb="sm">
        {candidates.map((c) => (
          <List.Item key={c.id}>
            <Anchor component={Link} to={`/c/${companyId}/customers/${c.id}`} fw={600}>{c.number} · {c.name}</Anchor>
            {c.city && <Text span size="sm"> ({c.city})</Text>}
            <Text size="xs" c="dimmed">
              {t('customers.duplicates.score', { score: c.score })}: {c.reasons.filter((r) => r.points > 0).map((r) => t(`customers.duplicates.reason.${r.code}`, { detail: r.detail ?? '' })).join(', ')}
            </Text>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button onClick={onCreateAnyway} loading={pending}>{t('customers.duplicates.createAnyway')}</Button>
        <Button variant="default" onClick={onCancel}>{t('customers.duplicates.cancel')}</Button>
      </Group>
    </Alert>
  );
}
