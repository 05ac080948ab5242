import { Alert, Anchor, Button, Card, Code, FileInput, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { readFileText, useImportOrders, useParts } from '../master-data/api';
import { CSV_COLUMNS, csvTemplate } from '../master-data/csv-template';
import { useMasterData } from '../master-data/use-master-data';

interface CsvError { line: number; column: string | null; code: string; message: string }

/** CSV import of production orders: all lines or none, errors by line and column. */
export default function OrdersImportPage() {
  const { m, i18n, company, canPlan, base } = useMasterData();
  const importer = useImportOrders(company.id);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const language = i18n.language === 'en' ? 'en' : 'de';
  const parts = useParts(company.id);
  const example = parts.data?.find((p) => p.operations.length > 0)?.number;
  const template = csvTemplate(language, example);
  const columnName = (column: string) => CSV_COLUMNS.find((c) => c.en === column)?.[language] ?? column;
  const errors: CsvError[] = importer.error instanceof ApiError && importer.error.code === 'shopfloor_csv_invalid' ? (importer.error.body.errors as CsvError[]) ?? [] : [];
  const run = async () => {
    const csv = file ? await readFileText(file) : text;
    importer.mutate(csv);
  };
  const download = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${template}`)}`;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={m('csv.title')} intro={m('csv.intro')} />
      <Stack gap="md" maw={980}>
        <Card withBorder padding="md" component="section" aria-labelledby="csv-columns">
          <Title order={2} size="h4" id="csv-columns" mb="xs">{m('csv.columns')}</Title>
          <Table verticalSpacing={4} data-testid="csv-columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m('csv.column')}</Table.Th>
                <Table.Th scope="col">{m('csv.meaning')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CSV_COLUMNS.map((c) => (
                <Table.Tr key={c.en}>
                  <Table.Td><Code>{c[language]}</Code>{c.required && <Text span size="xs" c="red.8"> {m('csv.required')}</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{m(`csv.meanings.${c.en}`)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="sm">{m('csv.rules')}</Text>
          <Text size="sm" fw={600} mt="sm">{m('csv.example')}</Text>
          <Code block data-testid="csv-template">{template}</Code>
          <Anchor href={download} download={m('csv.templateFile')} mt="xs" display="inline-block">{m('csv.download')}</Anchor>
        </Card>
        {canPlan ? (
          <Card withBorder padding="md" component="section" aria-labelledby="csv-upload">
            <Title order={2} size="h4" id="csv-upload" mb="xs">{m('csv.upload')}</Title>
            <Stack gap="sm">
              <FileInput label={m('csv.file')} placeholder={m('csv.choose')} accept=".csv,text/csv,text/plain" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': m('form.clearFile') }} size="md" maw={420} />
              <Textarea label={m('csv.paste')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={4} maxRows={14} size="md" disabled={file !== null} styles={{ input: { fontFamily: 'monospace' } }} />
              <Group>
                <Button size="lg" onClick={run} loading={importer.isPending} disabled={!file && !text.trim()}>{m('csv.import')}</Button>
              </Group>
            </Stack>
          </Card>
        ) : (
          <Text>{m('form.readOnly')}</Text>
        )}
        {errors.length > 0 ? (
          <Alert color="red" role="alert" title={m('csv.failed', { count: errors.length })} data-testid="csv-errors">
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m('csv.line')}</Table.Th>
                  <Table.Th scope="col">{m('csv.column')}</Table.Th>
                  <Table.Th scope="col">{m('csv.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.map((e) => (
                  <Table.Tr key={`${e.line}-${e.column}-${e.code}`} data-line={e.line} data-column={e.column ?? ''}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.column ? columnName(e.column) : '–'}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Alert>
        ) : (
          <ProblemAlert error={importer.error} />
        )}
        {importer.data && (
          <Alert color="green" role="status" styles={{ title: { color: 'var(--mantine-color-text)' } }} title={m('csv.done', { count: importer.data.imported })} data-testid="csv-done">
            <Text size="sm">{importer.data.orders.map((o) => o.number).join(', ')}</Text>
            <Anchor component={Link} to={base}>{m('csv.toOrders')}</Anchor>
          </Alert>
        )}
      </Stack>
    </>
  );
}
