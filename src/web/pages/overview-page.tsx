import { Badge, Card, Group, List, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/me';
import { useCompanyDetails } from '../api/company';
import { PageHeader } from '../components/page-header';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';

const PROFILE_FIELDS = ['employees', 'industry', 'valueChain', 'series', 'complexity', 'state', 'region'] as const;

export function OverviewPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const { data: me } = useMe();
  const company = useCompany();
  const { data: details } = useCompanyDetails(company.id);
  const filled = details ? PROFILE_FIELDS.filter((f) => details.profile[f] !== undefined).length : 0;
  const base = `/c/${company.id}`;
  const steps = [
    { done: filled === PROFILE_FIELDS.length, label: t(filled === PROFILE_FIELDS.length ? 'overview.profileDone' : 'overview.profileStep'), to: `${base}/profile`, extra: `${filled}/${PROFILE_FIELDS.length}` },
    ...company.navigation.map((n) => ({ done: false, label: localized(n.label), to: `${base}${n.path}`, extra: '' })),
    ...(company.permissions.includes('members.manage') ? [{ done: false, label: t('overview.membersStep'), to: `${base}/members`, extra: '' }] : []),
  ];
  return (
    <>
      <PageHeader title={t('overview.title', { name: me?.user.name ?? '' })} intro={t('overview.intro', { company: company.name })}>
        <Group gap="xs"><Badge variant="light">{t('overview.yourRole', { role: t(`roles.${company.role}`) })}</Badge></Group>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">{t('nav.overview')}</Title>
          <List spacing="sm" listStyleType="none">
            {steps.map((s) => (
              <List.Item key={s.to} icon={<ThemeIcon size={22} radius="xl" color={s.done ? 'teal' : 'gray'} aria-hidden>{s.done ? '✓' : '•'}</ThemeIcon>}>
                <Text component={Link} to={s.to} c="werkblau.8" td="underline">{s.label}</Text> {s.extra && <Text span c="dimmed" size="sm">({s.extra})</Text>}
              </List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">{t('overview.enabledModules')}</Title>
          <Group gap="xs">
            {company.modules.filter((m) => m.enabled).map((m) => <Badge key={m.id} variant="outline">{localized(m.name)}</Badge>)}
          </Group>
        </Card>
      </SimpleGrid>
    </>
  );
}
