import { Alert, Badge, Button, Card, Checkbox, Code, CopyButton, Group, Modal, NumberInput, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../../web/api/client';
import { ProblemAlert, fieldError } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { customersPath } from '../api';
import { DEFAULT_VALID_DAYS, MAX_VALID_DAYS, OPTIONAL_SECTIONS, shareKeys, useShareLinkViews, useShareLinks, type CreatedShareLink, type ShareLink, type ShareSection } from './share-api';

const STATE_COLORS: Record<ShareLink['state'], string> = { active: '#237032', expired: '#495057', revoked: '#c92a2a' };
const NO_TRUNCATION = { label: { overflow: 'visible' } } as const;

/** The link shown once after creating it, with a copy button: the server keeps only its hash. */
function CreatedLink({ link, onDone }: { link: CreatedShareLink; onDone: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const url = `${window.location.origin}${link.path}`;
  return (
    <Stack data-testid="created-share-link">
      <Alert color="yellow" role="status" c="#5c3c00">{t('customersSales.share.onlyNow')}</Alert>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="share-link-url">{url}</Code>
      <Text size="sm">{t('customersSales.share.validUntil', { date: date(link.expiresAt) })}</Text>
      <Group justify="flex-end">
        <CopyButton value={url}>
          {({ copied, copy }) => <Button onClick={copy} variant={copied ? 'light' : 'filled'}>{copied ? t('customersSales.share.copied') : t('customersSales.share.copy')}</Button>}
        </CopyButton>
        <Button variant="default" onClick={onDone}>{t('customersSales.share.done')}</Button>
      </Group>
    </Stack>
  );
}

function CreateShareLinkModal({ companyId, orderId, opened, onClose }: { companyId: string; orderId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [validDays, setValidDays] = useState<number | string>(DEFAULT_VALID_DAYS);
  const [sections, setSections] = useState<ShareSection[]>([]);
  const create = useMutation({
    mutationFn: () => post<CreatedShareLink>(`${customersPath(companyId)}/customer-orders/${orderId}/share-links`, { validDays: typeof validDays === 'number' ? validDays : Number(validDays), sections }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: shareKeys.links(companyId, orderId) }),
  });
  const close = () => {
    create.reset();
    setValidDays(DEFAULT_VALID_DAYS);
    setSections([]);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('customersSales.share.createTitle')} size="lg">
      {create.data ? (
        <CreatedLink link={create.data} onDone={close} />
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} noValidate>
          <Stack>
            <ProblemAlert error={create.error} />
            <NumberInput
              label={t('customersSales.share.validDays')}
              description={t('customersSales.share.validDaysHint', { max: MAX_VALID_DAYS })}
              min={1}
              max={MAX_VALID_DAYS}
              allowDecimal={false}
              value={validDays}
              onChange={setValidDays}
              error={fieldError(create.error, 'body.validDays', t)}
              data-autofocus
            />
            <Checkbox.Group label={t('customersSales.share.sections')} value={sections} onChange={(v) => setSections(v as ShareSection[])} error={fieldError(create.error, 'body.sections', t)}>
              <Stack gap="xs" mt={4}>
                <Checkbox checked disabled value="always" label={t('customersSales.share.sectionAlways')} />
                {OPTIONAL_SECTIONS.map((s) => <Checkbox key={s} value={s} label={t(`customersSales.share.sectionNames.${s}`)} />)}
              </Stack>
            </Checkbox.Group>
            <Text size="sm" c="dimmed">{t('customersSales.share.notYet')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('customersSales.share.cancel')}</Button>
              <Button type="submit" loading={create.isPending}>{t('customersSales.share.createSubmit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ViewsModal({ companyId, link, onClose }: { companyId: string; link: ShareLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const views = useShareLinkViews(companyId, link?.id ?? null);
  return (
    <Modal opened={link !== null} onClose={onClose} title={t('customersSales.share.viewsTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('customersSales.share.viewsHint')}</Text>
        <ProblemAlert error={views.error} />
        {views.data && views.data.items.length === 0 && <Text size="sm">{t('customersSales.share.noViews')}</Text>}
        {views.data && views.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table data-testid="share-link-views">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customersSales.share.viewedAt')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.address')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.browser')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {views.data.items.map((v, i) => (
                  <Table.Tr key={`${v.viewedAt}-${i}`}>
                    <Table.Td>{dateTime(v.viewedAt)}</Table.Td>
                    <Table.Td>{v.address === 'unknown' ? t('customersSales.share.unknownAddress') : v.address}</Table.Td>
                    <Table.Td>{v.browser === 'other' ? t('customersSales.share.otherBrowser') : v.browser}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Modal>
  );
}

/** "Link for the customer" on the order page: create (expiry, sections), copy once, list with expiry, state and views, revoke. */
export function ShareLinksCard({ companyId, orderId }: { companyId: string; orderId: string }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const titleId = useId();
  const queryClient = useQueryClient();
  const links = useShareLinks(companyId, orderId);
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<ShareLink | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: shareKeys.links(companyId, orderId) });
  const revoke = useMutation({ mutationFn: (id: string) => post(`${customersPath(companyId)}/share-links/${id}/revoke`), onSuccess: refresh });
  const revokeAll = useMutation({ mutationFn: () => post(`${customersPath(companyId)}/customer-orders/${orderId}/share-links/revoke`), onSuccess: refresh });
  const items = links.data?.items ?? [];
  const active = items.filter((l) => l.state === 'active').length;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId} data-testid="share-links">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>{t('customersSales.share.title')}</Title>
          <Group gap="xs">
            {active > 1 && <Button variant="outline" color="#c92a2a" onClick={() => revokeAll.mutate()} loading={revokeAll.isPending}>{t('customersSales.share.revokeAll')}</Button>}
            <Button onClick={() => setCreating(true)}>{t('customersSales.share.create')}</Button>
          </Group>
        </Group>
        <Text size="sm">{t('customersSales.share.intro')}</Text>
        <ProblemAlert error={links.error ?? revoke.error ?? revokeAll.error} />
        {links.data && items.length === 0 && <Text size="sm" c="dimmed">{t('customersSales.share.none')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="share-link-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customersSales.share.createdAt')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.expiresAt')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.shows')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.state')}</Table.Th>
                  <Table.Th scope="col">{t('customersSales.share.views')}</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>{t('customersSales.share.actions')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{dateTime(l.createdAt)}</Table.Td>
                    <Table.Td>{date(l.expiresAt)}</Table.Td>
                    <Table.Td>{[t('customersSales.share.showsState'), ...OPTIONAL_SECTIONS.filter((s) => l.sections.includes(s)).map((s) => t(`customersSales.share.shortNames.${s}`))].join(', ')}</Table.Td>
                    <Table.Td><Badge color={STATE_COLORS[l.state]} variant="filled" styles={NO_TRUNCATION}>{t(`customersSales.share.states.${l.state}`)}</Badge></Table.Td>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => setViewing(l)} aria-label={t('customersSales.share.viewsOf', { count: l.views, date: dateTime(l.createdAt) })}>
                        {l.lastViewedAt ? t('customersSales.share.viewCount', { count: l.views, date: dateTime(l.lastViewedAt) }) : t('customersSales.share.neverViewed')}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      {l.state === 'active' && (
                        <Button variant="outline" color="#c92a2a" size="compact-sm" onClick={() => revoke.mutate(l.id)} loading={revoke.isPending && revoke.variables === l.id}
                          aria-label={t('customersSales.share.revokeOne', { date: dateTime(l.createdAt) })}>
                          {t('customersSales.share.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <CreateShareLinkModal companyId={companyId} orderId={orderId} opened={creating} onClose={() => setCreating(false)} />
      <ViewsModal companyId={companyId} link={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
