import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardTile as Tile } from '../../api/dashboard';
import { useFormat } from '../../i18n/format';
import { useFigureText } from './use-figure-text';

/** The words of a tile live in its module's translations: `<module>.dashboard.<tile>.*`. */
export const tileKey = (tile: { id: string; module: string }) => `${tile.module}.dashboard.${tile.id.slice(tile.module.length + 1)}`;

/** One module's tile: its headline figure, the others as lines, its records, and the way to its page. */
export function DashboardTile({ tile, base }: { tile: Tile; base: string }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const text = useFigureText();
  const key = tileKey(tile);
  const titleId = `tile-${tile.id.replace('.', '-')}`;
  const [headline, ...rest] = tile.figures;
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`tile-${tile.id}`} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id={titleId}>{t(`${key}.title`)}</Title>
        {tile.state === 'attention' && <Badge color="orange" c="dark.8" variant="light">{t('overview.attention')}</Badge>}
      </Group>
      {tile.state === 'empty' ? (
        <Stack gap="sm">
          <Text size="sm">{t(`${key}.empty`)}</Text>
          <Group><Button component={Link} to={`${base}${tile.link}`} variant="light" h="auto" py={8} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}>{t(`${key}.start`)}</Button></Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          {headline && (
            <div>
              <Text fz={32} fw={700} lh={1.1} data-testid="tile-headline">{text(headline) ?? t('overview.noValue')}</Text>
              <Text size="sm" c="dimmed">{t(`${key}.figures.${headline.id}`)}</Text>
            </div>
          )}
          {rest.length > 0 && (
            <List size="sm" spacing={2} listStyleType="none" ml={0}>
              {rest.map((f) => (
                <List.Item key={f.id}>
                  {t(`${key}.figures.${f.id}`)}: <Text span fw={600} size="sm">{text(f) ?? t('overview.noValue')}</Text>
                </List.Item>
              ))}
            </List>
          )}
          {tile.entries && tile.entries.length > 0 && (
            <div>
              <Text size="sm" fw={600} mt={4}>{t(`${key}.entries`)}</Text>
              <List size="sm" spacing={2}>
                {tile.entries.map((e, i) => {
                  const label = typeof e.label === 'string' ? e.label : localized(e.label);
                  const value = e.figure ? text(e.figure) : null;
                  return (
                    <List.Item key={i}>
                      {e.link ? <Anchor component={Link} to={`${base}${e.link}`} size="sm">{label}</Anchor> : label}
                      {value && <Text span size="sm" c="dimmed"> · {t(`${key}.figures.${e.figure!.id}`)} {value}</Text>}
                    </List.Item>
                  );
                })}
              </List>
            </div>
          )}
          <Anchor component={Link} to={`${base}${tile.link}`} size="sm" fw={600} mt={4}>{t(`${key}.open`)} →</Anchor>
        </Stack>
      )}
    </Card>
  );
}
