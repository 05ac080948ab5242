import { Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Item } from '../../domain/questionnaire-schema';
import type { CheckResultView } from '../api';

const HIGH = 0.4;

function levelOf(d: number | null): 'none' | 'low' | 'medium' | 'high' {
  if (d === null) return 'none';
  return d < 0.2 ? 'low' : d < HIGH ? 'medium' : 'high';
}

/** Who answered (names for owners and admins only) and where the answers differ: by item, dimension and role. */
export function Agreement({ view, items }: { view: CheckResultView; items: ReadonlyMap<string, Item> }) {
  const { t } = useTranslation();
  const { localized, percent, date, number } = useFormat();
  const word = (d: number | null) => `${t(`check.results.disagreementLevel.${levelOf(d)}`)}${d === null ? '' : ` (${percent(d)})`}`;
  const strong = view.agreement.items.filter((i) => i.disagreement !== null && i.disagreement >= HIGH).sort((a, b) => b.disagreement! - a.disagreement!);
  const dimensionName = (id: string) => view.result.dimensions.find((d) => d.id === id)?.name;
  const several = view.run.respondentCount > 1;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card withBorder padding="lg" data-testid="respondents">
        <Title order={3} size="h4" mb="sm">{t('check.results.respondents')}</Title>
        <Text size="sm" mb="xs">{t('check.results.respondentsCount', { count: view.run.respondentCount })}</Text>
        {view.respondents ? (
          <List spacing={4} size="sm">
            {view.respondents.map((r) => (
              <List.Item key={r.userId}>
                <Text span fw={600} size="sm">{r.name}</Text> · {t(`roles.${r.role}`)} · {t('check.results.answeredItems', { count: r.answeredItems })} · {t('check.results.lastChange', { date: date(r.updatedAt) })}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">{t('check.results.respondentsHidden')}</Text>
        )}
        {several && view.agreement.roles.length > 0 && (
          <Table mt="md" fz="sm" verticalSpacing={4}>
            <Table.Caption>{t('check.results.byRole')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('check.results.role')}</Table.Th>
                <Table.Th ta="right">{t('check.results.respondentCount')}</Table.Th>
                <Table.Th>{t('check.results.deviation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.agreement.roles.map((r) => (
                <Table.Tr key={r.role}>
                  <Table.Th scope="row" fw={500}>{t(`roles.${r.role}`)}</Table.Th>
                  <Table.Td ta="right">{number(r.respondents)}</Table.Td>
                  <Table.Td>{word(r.deviation)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="lg" data-testid="disagreement">
        <Title order={3} size="h4" mb="sm">{t('check.results.disagreement')}</Title>
        {!several ? (
          <Text size="sm" c="dimmed">{t('check.results.disagreementSingle')}</Text>
        ) : (
          <Stack gap="md">
            <Table fz="sm" verticalSpacing={4}>
              <Table.Caption>{t('check.results.disagreementDims')}</Table.Caption>
              <Table.Tbody>
                {view.agreement.dimensions.map((d) => {
                  const name = dimensionName(d.id);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Th scope="row" fw={500}>{name ? localized(name) : d.id}</Table.Th>
                      <Table.Td fw={levelOf(d.disagreement) === 'high' ? 700 : 400}>{word(d.disagreement)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <div>
              <Text fw={600} size="sm" mb={4}>{t('check.results.disagreementItems')}</Text>
              {strong.length === 0 ? (
                <Text size="sm" c="dimmed">{t('check.results.disagreementItemsNone')}</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {strong.map((i) => {
                    const item = items.get(i.itemId);
                    return <List.Item key={i.itemId}>{item ? localized(item.text) : i.itemId} – {word(i.disagreement)}</List.Item>;
                  })}
                </List>
              )}
            </div>
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  );
}
