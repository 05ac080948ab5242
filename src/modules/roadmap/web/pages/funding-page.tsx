import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { type FundingProgrammeView, useDeleteFunding, useFunding, useSaveFunding } from '../api';
import { RoadmapHeader } from '../components/roadmap-header';

const EMPTY = { name: '', provider: '', regions: 'DE', kinds: 'software', validUntil: '', link: '' };

function FundingForm({ companyId, programme, onDone }: { companyId: string; programme?: FundingProgrammeView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveFunding(companyId);
  const [form, setForm] = useState(programme
    ? { name: programme.name, provider: programme.provider, regions: programme.regions.join(', '), kinds: programme.kinds.join(', '), validUntil: programme.validUntil ?? '', link: programme.link ?? '' }
    : EMPTY);
  const field = (key: keyof typeof EMPTY, label: string) => (
    <TextInput label={label} value={form[key]} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, [key]: v })); }} />
  );
  const list = (s: string) => s.split(/[,\s]+/).filter(Boolean);
  return (
    <Stack gap="xs" component="form" onSubmit={(e) => {
      e.preventDefault();
      save.mutate({ id: programme?.id, body: { name: form.name, provider: form.provider, regions: list(form.regions), kinds: list(form.kinds), validUntil: form.validUntil || null, link: form.link || null } }, { onSuccess: onDone });
    }}>
      <ProblemAlert error={save.error} />
      <Group grow>{field('name', t('roadmap.funding.name'))}{field('provider', t('roadmap.funding.provider'))}</Group>
      <Group grow>{field('regions', t('roadmap.funding.regions'))}{field('kinds', t('roadmap.funding.kinds'))}</Group>
      <Group grow>{field('validUntil', t('roadmap.funding.validUntil'))}{field('link', t('roadmap.funding.link'))}</Group>
      <Group><Button type="submit" loading={save.isPending}>{t('roadmap.funding.save')}</Button><Button variant="default" onClick={onDone}>{t('roadmap.funding.cancel')}</Button></Group>
    </Stack>
  );
}

export default function FundingPage() {
  const { t } = useTranslation();
  const { date, localized } = useFormat();
  const company = useCompany();
  const funding = useFunding(company.id);
  const remove = useDeleteFunding(company.id);
  const [editing, setEditing] = useState<string | null>(null);
  const mayPlan = company.permissions.includes('roadmap.plan');
  if (funding.error) return <><RoadmapHeader /><ProblemAlert error={funding.error} /></>;
  if (!funding.data) return <Loading />;
  return (
    <>
      <RoadmapHeader />
      <Stack gap="md">
        <Alert color="yellow">{t('roadmap.funding.intro')}</Alert>
        <ProblemAlert error={remove.error} />
        {mayPlan && (editing === 'new'
          ? <Card withBorder><FundingForm companyId={company.id} onDone={() => setEditing(null)} /></Card>
          : <Group><Button onClick={() => setEditing('new')}>{t('roadmap.funding.add')}</Button></Group>)}
        {funding.data.map((p) => (
          <Card key={p.id} withBorder data-testid={`funding-${p.seedId ?? p.id}`}>
            {editing === p.id ? <FundingForm companyId={company.id} programme={p} onDone={() => setEditing(null)} /> : (
              <Stack gap={4}>
                <Group justify="space-between">
                  <Title order={2} size="h4">{p.name}</Title>
                  {p.historical && <Badge color="yellow.3" variant="filled" autoContrast>{t('roadmap.funding.historical')}</Badge>}
                </Group>
                <Text size="sm">{p.provider} · {p.regions.join(', ')} · {p.kinds.map((k) => t(`roadmap.kind.${k}`)).join(', ')}</Text>
                {localized(p.rateText) && <Text size="sm">{t('roadmap.funding.rate')}: {localized(p.rateText)}</Text>}
                <Text size="sm" c="dimmed">{t('roadmap.funding.validFrom')}: {p.validFrom ? date(p.validFrom) : t('roadmap.funding.open')} · {t('roadmap.funding.validUntil')}: {p.validUntil ? date(p.validUntil) : t('roadmap.funding.open')}</Text>
                {p.link && <Anchor href={p.link} target="_blank" rel="noreferrer" size="sm">{p.link}</Anchor>}
                {localized(p.note) && <Text size="xs" c="dimmed">{localized(p.note)}</Text>}
                {mayPlan && (
                  <Group mt="xs">
                    <Button size="xs" variant="light" onClick={() => setEditing(p.id)}>{t('roadmap.funding.edit')}</Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => { if (window.confirm(t('roadmap.funding.deleteConfirm', { name: p.name }))) remove.mutate(p.id); }}>{t('roadmap.funding.delete')}</Button>
                  </Group>
                )}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
