import { Alert, Anchor, Box, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { patch } from '../api/client';
import { type CompanyDetails, type CompanyProfile, companyKey, useCompanyDetails } from '../api/company';
import { ME_KEY } from '../api/me';
import { Loading } from '../components/loading';
import { NextStep } from '../components/next-step';
import { PageHeader } from '../components/page-header';
import { useUnsavedChanges } from '../components/unsaved-changes';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';
import { FEDERAL_STATES, PRODUCT_COMPLEXITIES, SERIES_TYPES, STUDY_REGIONS, VALUE_CHAIN_POSITIONS, sizeClassOf } from '../../kernel/profile/profile-options';
import { FEDERAL_STATE_NAMES, WZ2008_DIVISIONS } from '../../kernel/profile/wz2008-divisions';

export default function ProfilePage() {
  const company = useCompany();
  const { data } = useCompanyDetails(company.id);
  if (!data) return <Loading />;
  return <ProfileForm key={company.id} data={data} />;
}

/** The form starts from the stored profile and keeps what is typed until it is saved (or left, after asking). */
function ProfileForm({ data }: { data: CompanyDetails }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const [name, setName] = useState(data.name);
  const [profile, setProfile] = useState<CompanyProfile>(data.profile);
  const unsaved = useUnsavedChanges({ name, profile });
  const save = useMutation({
    mutationFn: () => patch<CompanyDetails>(`/companies/${company.id}`, { name, profile }),
    onSuccess: (saved) => {
      unsaved.markSaved();
      queryClient.setQueryData(companyKey(company.id), saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const canEdit = company.permissions.includes('company.update');
  // the start path's first step: employees and industry are what the check's comparison needs
  const basicsGiven = data.profile.employees !== undefined && data.profile.industry !== undefined;
  const checkOn = company.permissions.includes('check.read') && company.modules.some((m) => m.id === 'check' && m.enabled);
  const set = <K extends keyof CompanyProfile>(key: K, value: CompanyProfile[K] | null | undefined) =>
    setProfile((p) => {
      const next = { ...p };
      if (value === null || value === undefined || value === '') delete next[key];
      else next[key] = value;
      return next;
    });
  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));
  const common = { disabled: !canEdit, clearable: true, clearButtonProps: { 'aria-label': t('common.clear') }, comboboxProps: { withinPortal: true } };
  return (
    <>
      <PageHeader title={t('profile.title')} intro={t('profile.intro')} />
      {canEdit && !basicsGiven && (
        <Alert title={t('profile.welcome.title')} mb="md" data-testid="profile-welcome">
          <Text size="sm">{t('profile.welcome.text')}</Text>
          <Anchor component={Link} to={`/c/${company.id}`} size="sm">{t('profile.welcome.path')}</Anchor>
        </Alert>
      )}
      {!canEdit && <Alert mb="md">{t('profile.readOnly')}</Alert>}
      <Paper withBorder p="lg" component="form" onSubmit={(e: React.FormEvent) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ProblemAlert error={save.error} />
          <TextInput label={t('profile.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!canEdit} required error={fieldError(save.error, 'body.name', t)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('profile.employees')}
              min={1}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              value={profile.employees ?? ''}
              onChange={(v) => set('employees', typeof v === 'number' ? v : undefined)}
              disabled={!canEdit}
              error={fieldError(save.error, 'body.profile.employees', t)}
              description={profile.employees ? `${t('profile.sizeClass')}: ${t(`sizeClass.${sizeClassOf(profile.employees)}`)}` : undefined}
            />
            <Select
              label={t('profile.industry')}
              searchable
              data={WZ2008_DIVISIONS.map((d) => ({ value: d.code, label: `${d.code} – ${localized(d)}` }))}
              value={profile.industry ?? null}
              onChange={(v) => set('industry', v ?? undefined)}
              {...common}
            />
            <Select label={t('profile.valueChain')} data={options('valueChain', VALUE_CHAIN_POSITIONS)} value={profile.valueChain ?? null} onChange={(v) => set('valueChain', (v ?? undefined) as CompanyProfile['valueChain'])} {...common} />
            <Select label={t('profile.series')} data={options('series', SERIES_TYPES)} value={profile.series ?? null} onChange={(v) => set('series', v ?? undefined)} {...common} />
            <Select label={t('profile.complexity')} data={options('complexity', PRODUCT_COMPLEXITIES)} value={profile.complexity ?? null} onChange={(v) => set('complexity', v ?? undefined)} {...common} />
            <Select label={t('profile.state')} data={FEDERAL_STATES.map((s) => ({ value: s, label: localized(FEDERAL_STATE_NAMES[s]) }))} value={profile.state ?? null} onChange={(v) => set('state', v ?? undefined)} {...common} />
            <Select label={t('profile.region')} data={options('region', STUDY_REGIONS)} value={profile.region ?? null} onChange={(v) => set('region', v ?? undefined)} {...common} />
          </SimpleGrid>
          {canEdit && (
            <Group justify="flex-end">
              <Text size="sm" c="dimmed" aria-live="polite">{save.isSuccess ? t('common.saved') : ''}</Text>
              <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {canEdit && basicsGiven && checkOn && (
        <Box mt="xl">
          <NextStep title={t('profile.next.title')} text={t('profile.next.text')} to={`/c/${company.id}/check`} action={t('profile.next.action')} />
        </Box>
      )}
      {unsaved.prompt}
    </>
  );
}
