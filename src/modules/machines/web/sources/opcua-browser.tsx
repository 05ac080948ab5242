import { Alert, Box, Button, Checkbox, Group, Loader, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { FormProblem } from '../manage/form-helpers';
import { useMachines } from '../manage-api';
import { type BrowsedNode, type OpcuaItem, useBrowse, useOpcuaItems, useSaveItems } from '../sources-api';
import { ACCESSIBLE_ERRORS, sourceFieldError } from './field-error';

const OBJECTS_FOLDER = 'ns=0;i=85';

/** A data point name from an OPC UA display name: letters, digits and _ . : / - only. */
export const pointNameOf = (displayName: string) =>
  displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.:/-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100) || 'wert';

interface TreeProps {
  connectionId: string;
  nodeId: string;
  level: number;
  picked: Map<string, OpcuaItem>;
  onToggle: (node: BrowsedNode, on: boolean) => void;
}

/** The children of one node; folders open on demand (one request per opened node). */
function NodeChildren({ connectionId, nodeId, level, picked, onToggle }: TreeProps) {
  const { t } = useTranslation();
  const company = useCompany();
  const children = useBrowse(company.id, connectionId, nodeId, true);
  if (children.isLoading) return <Group gap="xs" pl={level * 20} py={4}><Loader size="xs" /><Text size="sm">{t('machinesSources.browse.loading')}</Text></Group>;
  if (children.error) return <Box pl={level * 20}><ProblemAlert error={children.error} /></Box>;
  const nodes = (children.data ?? []).filter((n) => n.nodeClass === 'Object' || n.nodeClass === 'Variable' || n.nodeClass === 'View');
  if (nodes.length === 0) return <Text size="sm" c="dimmed" pl={level * 20} py={4}>{t('machinesSources.browse.empty')}</Text>;
  return (
    <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {nodes.map((n) => (
        <TreeNode key={n.nodeId} node={n} connectionId={connectionId} level={level} picked={picked} onToggle={onToggle} />
      ))}
    </ul>
  );
}

function TreeNode({ node, connectionId, level, picked, onToggle }: Omit<TreeProps, 'nodeId'> & { node: BrowsedNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li role="treeitem" aria-expanded={node.hasChildren ? open : undefined} aria-selected={node.nodeClass === 'Variable' ? picked.has(node.nodeId) : undefined} data-node={node.displayName}>
      <Group gap="xs" pl={level * 20} py={3} wrap="nowrap">
        {node.hasChildren ? (
          <UnstyledButton onClick={() => setOpen(!open)} aria-label={t(open ? 'machinesSources.browse.close' : 'machinesSources.browse.open', { name: node.displayName })} px={6} style={{ borderRadius: 4 }}>
            <Text span ff="monospace" aria-hidden>{open ? '▾' : '▸'}</Text> <Text span fw={500}>{node.displayName}</Text>
          </UnstyledButton>
        ) : node.nodeClass === 'Variable' ? (
          <Checkbox
            label={<>{node.displayName} <Text span size="xs" c="dimmed">{node.dataType ?? ''}{node.value !== null ? ` · ${String(node.value)}` : ''}</Text></>}
            checked={picked.has(node.nodeId)}
            onChange={(e) => onToggle(node, e.currentTarget.checked)}
          />
        ) : (
          <Text size="sm" px={6}>{node.displayName}</Text>
        )}
      </Group>
      {open && <NodeChildren connectionId={connectionId} nodeId={node.nodeId} level={level + 1} picked={picked} onToggle={onToggle} />}
    </li>
  );
}

/** Browse the server's address space, tick variables and assign each to a data point of a machine. */
export function OpcuaBrowser({ connectionId, canManage }: { connectionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const company = useCompany();
  const machines = useMachines(company.id);
  const stored = useOpcuaItems(company.id, connectionId, true);
  const save = useSaveItems(company.id, connectionId);
  const [picked, setPicked] = useState<Map<string, OpcuaItem> | null>(null);
  useEffect(() => {
    if (stored.data && picked === null) setPicked(new Map(stored.data.map((i) => [i.nodeId, i])));
  }, [stored.data, picked]);
  const items = picked ?? new Map<string, OpcuaItem>();
  const defaultMachine = machines.data?.[0]?.id ?? '';
  const toggle = (node: BrowsedNode, on: boolean) => {
    const next = new Map(items);
    if (on) next.set(node.nodeId, { nodeId: node.nodeId, machineId: defaultMachine, point: pointNameOf(node.displayName), samplingIntervalMs: 1000 });
    else next.delete(node.nodeId);
    setPicked(next);
  };
  const update = (nodeId: string, patch: Partial<OpcuaItem>) => {
    const next = new Map(items);
    next.set(nodeId, { ...next.get(nodeId)!, ...patch });
    setPicked(next);
  };
  const list = [...items.values()];
  return (
    <Stack>
      {canManage && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs" id="opcua-tree-title">{t('machinesSources.browse.title')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('machinesSources.browse.intro')}</Text>
          <div role="tree" aria-labelledby="opcua-tree-title">
            <NodeChildren connectionId={connectionId} nodeId={OBJECTS_FOLDER} level={0} picked={items} onToggle={toggle} />
          </div>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">{t('machinesSources.items.title')}</Title>
        {machines.data?.length === 0 && <Alert color="yellow" mb="sm" title={t('machinesSources.items.noMachines')} />}
        {list.length === 0 ? (
          <Text size="sm">{t('machinesSources.items.empty')}</Text>
        ) : (
          <form
            noValidate
            style={ACCESSIBLE_ERRORS}
            aria-label={t('machinesSources.items.formLabel')}
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(list.map(({ nodeId, machineId, point, samplingIntervalMs }) => ({ nodeId, machineId, point: point.trim(), samplingIntervalMs })), {
                onSuccess: (saved) => setPicked(new Map(saved.map((i) => [i.nodeId, i]))),
              });
            }}
          >
            <FormProblem error={save.error} />
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs">
                <Table.Caption>{t('machinesSources.items.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('machinesSources.items.node')}</Table.Th>
                    <Table.Th scope="col">{t('machinesSources.items.machine')}</Table.Th>
                    <Table.Th scope="col">{t('machinesSources.items.point')}</Table.Th>
                    <Table.Th scope="col">{t('machinesSources.items.interval')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((item, i) => (
                    <Table.Tr key={item.nodeId} data-item={item.nodeId}>
                      <Table.Td><Text size="sm" ff="monospace">{item.nodeId}</Text></Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={t('machinesSources.items.machineFor', { node: item.nodeId })}
                          value={item.machineId || null}
                          data={(machines.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
                          onChange={(v) => update(item.nodeId, { machineId: v ?? '' })}
                          disabled={!canManage}
                          error={sourceFieldError(t, save.error, `body.items.${i}.machineId`, 'machine')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={t('machinesSources.items.pointFor', { node: item.nodeId })}
                          value={item.point}
                          onChange={(e) => update(item.nodeId, { point: e.currentTarget.value })}
                          disabled={!canManage}
                          error={sourceFieldError(t, save.error, `body.items.${i}.point`, 'point')}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('machinesSources.items.intervalFor', { node: item.nodeId })}
                          value={item.samplingIntervalMs}
                          min={0}
                          max={3_600_000}
                          step={100}
                          suffix=" ms"
                          onChange={(v) => update(item.nodeId, { samplingIntervalMs: typeof v === 'number' ? v : Number(v) })}
                          disabled={!canManage}
                          error={sourceFieldError(t, save.error, `body.items.${i}.samplingIntervalMs`, 'interval')}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {canManage && (
              <Group mt="sm">
                <Button type="submit" loading={save.isPending}>{t('machinesSources.items.save')}</Button>
                {save.isSuccess && <Text c="#1e6b34" size="sm" role="status">{t('machinesSources.items.saved')}</Text>}
              </Group>
            )}
          </form>
        )}
      </Paper>
    </Stack>
  );
}
