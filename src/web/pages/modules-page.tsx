import { Alert, Badge, Card, Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, get, put } from '../api/client';
import { ME_KEY, type Localized } from '../api/me';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';

interface ModuleInfo { id: string; name: Localized; description: Localized; core: boolean; dependsOn: string[]; enabled: boolean }

export default function ModulesPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const key = ['modules', company.id];
  const modules = useQuery({ queryKey: key, queryFn: () => get<ModuleInfo[]>(`/companies/${company.id}/modules`) });
  const toggle = useMutation({
    mutationFn: (v: { id: string; enabled: boolean }) => put(`/companies/${company.id}/modules/${v.id}`, { enabled: v.enabled }),
    // show the new state at once; the refetch below corrects it if the server refused
    onMutate: (v) => queryClient.setQueryData<ModuleInfo[]>(key, (old) => old?.map((m) => (m.id === v.id ? { ...m, enabled: v.enabled } : m))),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ME_KEY })]),
  });
  if (!modules.data) return <Loading />;
  const canManage = company.permissions.includes('modules.manage');
  const nameOf = (id: string) => localized(modules.data.find((m) => m.id === id)?.name ?? { de: id, en: id });
  return (
    <>
      <PageHeader title={t('modules.title')} intro={t('modules.intro')} />
      {!canManage && <Alert mb="md">{t('modules.ownerOnly')}</Alert>}
      <ProblemAlert error={withModuleNames(toggle.error, nameOf)} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        {modules.data.map((m) => (
          <Card key={m.id} withBorder padding="lg" data-testid={`module-${m.id}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} id={`module-label-${m.id}`}>{localized(m.name)}</Text>
                {m.core ? (
                  <Badge variant="light" color="gray">{t('modules.core')}</Badge>
                ) : (
                  <Switch
                    size="md"
                    checked={m.enabled}
                    disabled={!canManage || toggle.isPending}
                    onChange={(e) => toggle.mutate({ id: m.id, enabled: e.currentTarget.checked })}
                    label={m.enabled ? t('modules.on') : t('modules.off')}
                    aria-labelledby={`module-label-${m.id}`}
                  />
                )}
              </Group>
              <Text size="sm" c="dimmed">{localized(m.description)}</Text>
              {m.dependsOn.length > 0 && <Text size="xs" c="dimmed">{t('modules.dependsOn', { modules: m.dependsOn.map(nameOf).join(', ') })}</Text>}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}

/** A dependency refusal names module ids; people read module names. */
function withModuleNames(error: unknown, nameOf: (id: string) => string): unknown {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.modules)) return error;
  return new ApiError(error.status, error.code, error.title, error.errors, { ...error.body, modules: (error.body.modules as string[]).map(nameOf) });
}
