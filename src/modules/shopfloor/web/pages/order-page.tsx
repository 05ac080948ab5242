import { Button, Card, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { useUnsavedChanges } from '../../../../web/components/unsaved-changes';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import type { Order, Part } from '../../schemas';
import { useOrder } from '../api';
import { NotFound } from '../components/not-found';
import { SaveProblem } from '../components/save-problem';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { useParts, useSaveOrder } from '../master-data/api';
import { fieldMessages } from '../master-data/field-messages';
import { type OrderForm, formToOrder, formToPatch, orderHints, orderToForm } from '../master-data/order-form';
import { useMasterData } from '../master-data/use-master-data';

/** Create (`orders/new`) or change and release a production order (`orders/:orderId/edit`). */
export default function OrderPage() {
  const { orderId } = useParams();
  const { company, canPlan } = useMasterData();
  const existing = orderId !== undefined && orderId !== 'new';
  const order = useOrder(company.id, existing ? orderId : '', existing);
  const parts = useParts(company.id);
  if (order.error && !(order.error instanceof ApiError && order.error.status === 404)) return <ProblemAlert error={order.error} />;
  if (parts.error) return <ProblemAlert error={parts.error} />;
  if ((existing && order.isLoading) || !parts.data) return <Loading />;
  if ((existing && !order.data) || (!existing && !canPlan)) return <NotFound />;
  return <OrderEditor key={order.data?.id ?? 'new'} order={existing ? order.data : undefined} parts={parts.data} />;
}

function OrderEditor({ order, parts }: { order?: Order; parts: Part[] }) {
  const { m, t, company, canPlan, base } = useMasterData();
  const { dateTime } = useFormat();
  const navigate = useNavigate();
  const save = useSaveOrder(company.id, order?.id);
  const release = useSaveOrder(company.id, order?.id);
  // `orders/new?part=<id>` (from a part's page): that part is chosen already
  const preset = useSearchParams()[0].get('part');
  const [form, setForm] = useState<OrderForm>(() => ({ ...orderToForm(order), ...(!order && preset && parts.some((p) => p.id === preset) ? { partId: preset } : {}) }));
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const unsaved = useUnsavedChanges(form);
  const hints = orderHints(form, !order);
  const message = fieldMessages(submitted ? hints : [], save.error, t);
  const editable = canPlan;
  const set = <K extends keyof OrderForm>(key: K) => (v: OrderForm[K]) => setForm((f) => ({ ...f, [key]: v }));
  const submit = () => {
    setSubmitted(true);
    setSaved(false);
    if (hints.length > 0) return;
    if (order) save.mutate(formToPatch(form), { onSuccess: () => { unsaved.markSaved(); setSaved(true); } });
    else {
      save.mutate(formToOrder(form, new Date()), {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: m('order.created', { number: created.number }) });
          unsaved.markSaved();
          navigate(base);
        },
      });
    }
  };
  const started = order?.operations.some((o) => o.status !== 'planned') ?? false;
  const routable = parts.filter((p) => p.operations.length > 0);
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={order ? m('order.titleEdit', { number: order.number }) : m('order.titleNew')} intro={editable ? m('order.intro') : m('form.readOnly')} />
      <form onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
        <Stack gap="md" maw={760}>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Group gap="md" align="flex-start" wrap="wrap">
                <TextInput label={m('order.number')} value={form.number} onChange={(e) => set('number')(e.currentTarget.value)} error={message('number')} required={editable} readOnly={!editable} w={220} size="md" />
                <Select
                  label={m('order.part')}
                  description={order ? m('order.partFixed') : m('order.partHint')}
                  data={(order ? parts : routable).map((p) => ({ value: p.id, label: `${p.number} – ${p.name}` }))}
                  value={form.partId || null}
                  onChange={(v) => set('partId')(v ?? '')}
                  error={message('partId')}
                  required={editable && !order}
                  disabled={!editable || Boolean(order)}
                  searchable
                  style={{ flex: '1 1 280px' }}
                  size="md"
                />
              </Group>
              <Group gap="md" align="flex-start" wrap="wrap">
                <TextInput label={m('order.quantity')} inputMode="numeric" value={form.quantity} onChange={(e) => set('quantity')(e.currentTarget.value)} error={message('quantity')} required={editable} readOnly={!editable} w={140} size="md" />
                <TextInput type="date" label={m('order.dueDate')} value={form.dueDate} onChange={(e) => set('dueDate')(e.currentTarget.value)} error={message('dueDate')} readOnly={!editable} w={190} size="md" />
                <Select
                  label={m('order.priority')}
                  data={Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: m(`order.priorities.${i + 1}`, { defaultValue: String(i + 1) }) }))}
                  value={form.priority}
                  onChange={(v) => v && set('priority')(v)}
                  allowDeselect={false}
                  error={message('priority')}
                  readOnly={!editable}
                  w={220}
                  size="md"
                />
              </Group>
              <TextInput label={m('order.customerReference')} value={form.customerReference} onChange={(e) => set('customerReference')(e.currentTarget.value)} error={message('customerReference')} readOnly={!editable} maw={460} size="md" />
              {!order && editable && <Checkbox label={m('order.releaseNow')} checked={form.releaseNow} onChange={(e) => set('releaseNow')(e.currentTarget.checked)} size="md" />}
            </Stack>
          </Card>
          {order && (
            <Card withBorder padding="md" component="section" aria-label={m('order.release')}>
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Group gap="sm">
                  <Text fw={700} size="lg" data-testid="release-state">{order.releasedAt ? m('order.released') : m('order.notReleased')}</Text>
                  {order.releasedAt && <Text size="sm">{m('order.releasedAt', { date: dateTime(order.releasedAt) })}</Text>}
                </Group>
                {editable && !order.releasedAt && (
                  <Button size="md" color="green" loading={release.isPending} onClick={() => release.mutate({ releasedAt: new Date().toISOString() })}>{m('order.releaseAction')}</Button>
                )}
                {editable && order.releasedAt && !started && (
                  <Button size="md" variant="default" loading={release.isPending} onClick={() => release.mutate({ releasedAt: null })}>{m('order.unrelease')}</Button>
                )}
              </Group>
              <ProblemAlert error={release.error} />
            </Card>
          )}
          {submitted && <SaveProblem error={save.error} hintCount={save.error ? 0 : hints.length} />}
          {saved && !save.error && <Card withBorder bg="green.0" role="status" data-testid="saved">{m('form.saved')}</Card>}
          <Group gap="sm" pb="xl">
            {editable && <Button type="submit" size="lg" loading={save.isPending}>{order ? m('form.save') : m('order.create')}</Button>}
            <Button component={Link} to={order ? `${base}/orders/${order.id}` : base} variant="default" size="lg">{order ? m('order.backToOrder') : m('form.back')}</Button>
          </Group>
        </Stack>
      </form>
      {unsaved.prompt}
    </>
  );
}
