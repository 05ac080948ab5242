import { Button, Card, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblem } from './form-helpers';

/**
 * A card of the machine page's management: title, intro, the problem of the last row action, the
 * table of what exists (or a sentence when there is nothing) and, below, the form to add.
 */
export function ManageSection(props: {
  id: string;
  title: string;
  intro: string;
  problem: unknown;
  emptyText: string;
  /** Column headings; the rows are `rows`. Nothing is listed when `rows` is empty. */
  columns: string[];
  rows: ReactNode[];
  minWidth: number;
  children?: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id}>{props.title}</Title>
      <Text size="sm" c="dimmed" mb="sm">{props.intro}</Text>
      <FormProblem error={props.problem} />
      {props.rows.length === 0 ? (
        <Text mb="sm">{props.emptyText}</Text>
      ) : (
        <Paper withBorder mb="md">
          <Table.ScrollContainer minWidth={props.minWidth}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>{props.columns.map((c) => <Table.Th key={c} scope="col">{c}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>{props.rows}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {props.children}
    </Card>
  );
}

/** "Change" and "Delete" of one row (after any `extra` action), named for screen readers. */
export function RowActions({ editLabel, deleteLabel, deleting, onEdit, onDelete, extra }: { editLabel: string; deleteLabel: string; deleting: boolean; onEdit: () => void; onDelete: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Group gap="xs" wrap="nowrap">
        {extra}
        <Button size="xs" variant="light" onClick={onEdit} aria-label={editLabel}>{t('machinesManage.edit')}</Button>
        <Button size="xs" variant="subtle" color="red" c="red.9" loading={deleting} onClick={onDelete} aria-label={deleteLabel}>{t('machinesManage.delete')}</Button>
      </Group>
    </Table.Td>
  );
}
