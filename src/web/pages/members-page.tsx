import { Button, Card, CopyButton, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, patch, post } from '../api/client';
import { type Role, useMe } from '../api/me';
import { useClientList } from '../components/client-list';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';
import { CreateWorkerCard, type PinMember, PinModal, PinState, UnlockPinButton } from './worker-pin';
import { TwoFactorPolicyCard } from '../account/two-factor-policy-card';

const ROLES: Role[] = ['owner', 'admin', 'member', 'shopfloor', 'viewer', 'advisor'];
interface Member extends PinMember { email: string | null; role: Role; since: string }
interface Invitation { id: string; email: string | null; role: Role; expiresAt: string }

export default function MembersPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const company = useCompany();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const canManage = company.permissions.includes('members.manage');
  const grantable = company.role === 'owner' ? ROLES : ROLES.filter((r) => r !== 'owner');
  const membersKey = ['members', company.id];
  const invitationsKey = ['invitations', company.id];
  const members = useQuery({ queryKey: membersKey, queryFn: () => get<Member[]>(`/companies/${company.id}/members`) });
  const invitations = useQuery({ queryKey: invitationsKey, queryFn: () => get<Invitation[]>(`/companies/${company.id}/invitations`), enabled: canManage });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: membersKey }), queryClient.invalidateQueries({ queryKey: invitationsKey })]);

  const changeRole = useMutation({ mutationFn: (v: { userId: string; role: string }) => patch(`/companies/${company.id}/members/${v.userId}`, { role: v.role }), onSettled: refresh });
  const [removing, setRemoving] = useState<Member | null>(null);
  const [pinFor, setPinFor] = useState<Member | null>(null);
  const remove = useMutation({ mutationFn: (userId: string) => del(`/companies/${company.id}/members/${userId}`), onSuccess: () => setRemoving(null), onSettled: refresh });
  const [invite, setInvite] = useState<{ email: string; role: Role }>({ email: '', role: 'member' });
  const create = useMutation({
    mutationFn: () => post<{ link: string; mailed: boolean }>(`/companies/${company.id}/invitations`, { role: invite.role, ...(invite.email ? { email: invite.email } : {}) }),
    onSuccess: () => { setInvite({ email: '', role: invite.role }); void refresh(); },
  });
  const withdraw = useMutation({ mutationFn: (id: string) => del(`/companies/${company.id}/invitations/${id}`), onSettled: refresh });

  const view = useClientList(members.data ?? [], {
    texts: (m) => [m.name, m.email ?? '', m.personnelNumber ?? '', t(`roles.${m.role}`)],
    sorts: {
      name: { label: t('members.name'), compare: (a, b) => a.name.localeCompare(b.name) },
      role: { label: t('members.role'), compare: (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name) },
      since: { label: t('members.since'), compare: (a, b) => a.since.localeCompare(b.since) || a.name.localeCompare(b.name) },
    },
  });
  if (!members.data) return <Loading />;
  const mayChange = (m: Member) => canManage && (company.role === 'owner' || m.role !== 'owner');
  return (
    <>
      <PageHeader title={t('members.title')} intro={t('members.intro', { company: company.name })} />
      <ProblemAlert error={changeRole.error ?? remove.error} />
      <TwoFactorPolicyCard company={company} />
      <Paper withBorder mb="lg" p="md">
        {view.controls}
        {view.noMatchNotice}
        <Table.ScrollContainer minWidth={640} display={view.noMatch ? 'none' : undefined}>
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.name')}</Table.Th>
                <Table.Th>{t('members.email')}</Table.Th>
                <Table.Th>{t('members.role')}</Table.Th>
                <Table.Th>{t('terminal.workers.pinColumn')}</Table.Th>
                <Table.Th>{t('members.since')}</Table.Th>
                {canManage && <Table.Th>{t('members.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.shown.map((m) => (
                <Table.Tr key={m.userId} data-testid={`member-${m.email ?? m.personnelNumber}`}>
                  <Table.Td>{m.name} {m.userId === me?.user.id && <Text span c="dimmed" size="sm">{t('members.you')}</Text>}</Table.Td>
                  <Table.Td>{m.email ?? <Text span c="dark.5" size="sm">{t('terminal.workers.noEmail')}</Text>}</Table.Td>
                  <Table.Td>
                    {mayChange(m) ? (
                      <Select
                        aria-label={t('members.changeRole', { name: m.name })}
                        size="sm"
                        w={210}
                        allowDeselect={false}
                        value={m.role}
                        data={(m.role === 'owner' ? ROLES : grantable).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                        onChange={(role) => role && role !== m.role && changeRole.mutate({ userId: m.userId, role })}
                      />
                    ) : (
                      t(`roles.${m.role}`)
                    )}
                  </Table.Td>
                  <Table.Td><PinState member={m} /></Table.Td>
                  <Table.Td>{date(m.since)}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      {mayChange(m) && (
                        <Button variant="subtle" size="sm" onClick={() => setPinFor(m)}>{m.hasPin ? t('terminal.workers.resetPin') : t('terminal.workers.setPin')}</Button>
                      )}
                      {mayChange(m) && m.pinLockedUntil && <UnlockPinButton companyId={company.id} member={m} onDone={() => void refresh()} />}
                      {mayChange(m) && m.userId !== me?.user.id && (
                        <Button variant="subtle" color="red" size="sm" onClick={() => setRemoving(m)}>{t('members.remove')}</Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {view.pagination}
      </Paper>

      {canManage && (
        <Stack>
          <CreateWorkerCard companyId={company.id} onDone={() => void refresh()} />
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">{t('members.invite')}</Title>
            <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} noValidate>
              <Stack>
                <ProblemAlert error={create.error} />
                <Group align="flex-start" grow>
                  <TextInput label={t('members.inviteEmail')} description={t('members.inviteEmailHint')} type="email" value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.currentTarget.value })} error={fieldError(create.error, 'body.email', t)} />
                  <Select label={t('members.inviteRole')} allowDeselect={false} value={invite.role} data={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(r) => r && setInvite({ ...invite, role: r as Role })} description={t(`roleHints.${invite.role}`)} />
                </Group>
                <Group><Button type="submit" loading={create.isPending}>{t('members.createInvite')}</Button></Group>
                {create.data && (
                  <Stack gap={4} data-testid="invite-link">
                    <Text size="sm">{t('members.linkCreated')}</Text>
                    <Group wrap="nowrap">
                      <TextInput readOnly value={create.data.link} aria-label={t('members.linkCreated')} style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
                      <CopyButton value={create.data.link}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>}</CopyButton>
                    </Group>
                    {create.data.mailed && <Text size="sm" c="teal.8">{t('members.mailed')}</Text>}
                  </Stack>
                )}
              </Stack>
            </form>
          </Card>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="sm">{t('members.openInvitations')}</Title>
            {invitations.data?.length ? (
              <Stack gap="xs">
                {invitations.data.map((i) => (
                  <Group key={i.id} justify="space-between">
                    <Text size="sm">{i.email ?? '—'} · {t(`roles.${i.role}`)} · {t('members.expires')} {date(i.expiresAt)}</Text>
                    <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(i.id)}>{t('members.withdraw')}</Button>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">{t('members.noOpenInvitations')}</Text>
            )}
          </Card>
        </Stack>
      )}

      <PinModal companyId={company.id} member={pinFor} onClose={(changed) => { setPinFor(null); if (changed) void refresh(); }} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('members.remove')}>
        <Stack>
          <Text>{t('members.removeConfirm', { name: removing?.name, company: company.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>{t('common.cancel')}</Button>
            <Button color="red" loading={remove.isPending} onClick={() => removing && remove.mutate(removing.userId)}>{t('members.remove')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
