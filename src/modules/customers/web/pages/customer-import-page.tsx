import '../load-translations';
import { Alert, Anchor, Button, Card, FileInput, Group, List, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../../web/api/client';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useCompany } from '../../../../web/layout/app-layout';
import { customerKeys } from '../api';
import { type CheckResult, type ImportKind, type ImportMode, type ImportRun, type RejectedRow, dryRunImport, getImport, runImport, saveMapping, uploadImport } from '../imports/import-api';

const NOT_IMPORTED = '-';

/** Upload → preview with column mapping → check (dry run) → import, all or nothing or only the good rows. */
export default function CustomerImportPage() {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<ImportRun | null>(null);
  const [preview, setPreview] = useState<Array<{ line: number; cells: string[] }>>([]);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [refused, setRefused] = useState<CheckResult | null>(null);
  const [done, setDone] = useState<(CheckResult & { saved: number }) | null>(null);
  const [busy, setBusy] = useState<null | 'upload' | 'mapping' | 'check' | ImportMode>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const act = async <T,>(what: typeof busy, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  // while an import runs, its progress is asked for every half second
  const running = busy === 'all-or-nothing' || busy === 'good-rows-only';
  useEffect(() => {
    if (!running || !run) return;
    const timer = setInterval(() => {
      getImport(company.id, run.id).then((r) => r.progress && setProgress(r.progress)).catch(() => undefined);
    }, 500);
    return () => clearInterval(timer);
  }, [running, run, company.id]);

  const start = async () => {
    if (!file) return;
    const uploaded = await act('upload', () => uploadImport(company.id, kind, file));
    if (!uploaded) return;
    setRun(uploaded);
    setPreview(uploaded.preview ?? []);
    setCheck(null);
    setRefused(null);
    setDone(null);
  };
  const changeMapping = async (column: number, field: string | null) => {
    if (!run) return;
    const mapping = run.mapping.map((f, i) => (i === column ? field : f === field && field !== null ? null : f));
    const saved = await act('mapping', () => saveMapping(company.id, run.id, mapping));
    if (saved) {
      setRun(saved);
      setCheck(null);
      setRefused(null);
    }
  };
  const dryRun = async () => {
    if (!run) return;
    const result = await act('check', () => dryRunImport(company.id, run.id));
    if (result) setCheck(result);
  };
  const importRows = async (mode: ImportMode) => {
    if (!run) return;
    setProgress({ done: 0, total: check?.goodCount ?? run.rowCount });
    setRefused(null);
    setBusy(mode);
    setError(null);
    try {
      const result = await runImport(company.id, run.id, mode);
      setDone(result);
      await queryClient.invalidateQueries({ queryKey: customerKeys.all(company.id) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'customers_import_rows_invalid') setRefused(e.body as unknown as CheckResult);
      setError(e);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  const restart = () => {
    setRun(null);
    setFile(null);
    setPreview([]);
    setCheck(null);
    setRefused(null);
    setDone(null);
    setError(null);
  };

  const fieldLabel = (field: string) => t(`customers.import.field.${field}`);
  const problemText = (p: RejectedRow['problems'][number]) =>
    `${p.field ? `${fieldLabel(p.field)}: ` : ''}${t(`customers.import.problem.${p.code}`, { detail: p.detail ?? '' })}`;
  const rejectedList = (rows: RejectedRow[]) => (
    <List size="sm" spacing={4} data-testid="import-problems">
      {rows.slice(0, 200).map((r) => (
        <List.Item key={r.line}>
          <Text span fw={600}>{t('customers.import.line', { line: r.line })}</Text> {r.problems.map(problemText).join('; ')}
        </List.Item>
      ))}
      {rows.length > 200 && <List.Item>{t('customers.import.moreRows', { count: rows.length - 200 })}</List.Item>}
    </List>
  );
  const dateFormat = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short' });
  const bad = refused ?? check;

  return (
    <>
      <PageHeader title={t('customers.import.title')} intro={t('customers.import.intro')} />
      <Anchor component={Link} to={`/c/${company.id}/customers`} size="sm">{t('customers.import.back')}</Anchor>
      <Card withBorder padding="md" mt="md" component="section" aria-labelledby="import-file">
        <Title order={2} size="h4" id="import-file" mb="sm">{t('customers.import.step.file')}</Title>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} id="import-kind">{t('customers.import.kind')}</Text>
            <SegmentedControl
              aria-labelledby="import-kind"
              value={kind}
              onChange={(v) => setKind(v as ImportKind)}
              disabled={run !== null}
              data={[{ value: 'customers', label: t('customers.import.kinds.customers') }, { value: 'contacts', label: t('customers.import.kinds.contacts') }, { value: 'orders', label: t('customers.import.kinds.orders') }]}
            />
          </div>
          <FileInput
            label={t('customers.import.file')}
            description={t('customers.import.fileHint')}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            disabled={run !== null}
          />
          <Group>
            {run === null ? (
              <Button onClick={start} disabled={!file} loading={busy === 'upload'}>{t('customers.import.upload')}</Button>
            ) : (
              <Button variant="default" onClick={restart}>{t('customers.import.another')}</Button>
            )}
          </Group>
          {run && run.sameFileImportedBefore.length > 0 && (
            <Alert color="#8a5a00" role="status" title={t('customers.import.sameFile.title')}>
              {t('customers.import.sameFile.text', { at: dateFormat.format(new Date(run.sameFileImportedBefore[0]!.finishedAt)), count: run.sameFileImportedBefore[0]!.savedCount })}
            </Alert>
          )}
        </Stack>
      </Card>

      {run && !done && (
        <Card withBorder padding="md" mt="md" component="section" aria-labelledby="import-mapping">
          <Title order={2} size="h4" id="import-mapping" mb="xs">{t('customers.import.step.mapping')}</Title>
          <Text size="sm" mb="sm">{t('customers.import.mappingIntro', { count: run.rowCount, shown: preview.length })}</Text>
          {run.unmappedRequired.length > 0 && (
            <Alert color="red" role="alert" mb="sm">{t('customers.import.requiredMissing', { fields: run.unmappedRequired.map(fieldLabel).join(', ') })}</Alert>
          )}
          <Table.ScrollContainer minWidth={Math.max(560, run.header.length * 150)}>
            <Table withTableBorder withColumnBorders data-testid="import-preview">
              <caption style={{ textAlign: 'left' }}>{t('customers.import.previewCaption', { file: run.fileName })}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customers.import.lineColumn')}</Table.Th>
                  {run.header.map((h, i) => (
                    <Table.Th scope="col" key={i} style={{ verticalAlign: 'top', minWidth: 150 }}>
                      <Text size="sm" fw={700}>{h || t('customers.import.unnamedColumn', { n: i + 1 })}</Text>
                      <Select
                        size="xs"
                        mt={4}
                        aria-label={t('customers.import.mapColumn', { column: h || i + 1 })}
                        value={run.mapping[i] ?? NOT_IMPORTED}
                        onChange={(v) => changeMapping(i, v === NOT_IMPORTED || v === null ? null : v)}
                        allowDeselect={false}
                        disabled={busy !== null}
                        data={[
                          { value: NOT_IMPORTED, label: t('customers.import.notImported') },
                          ...run.fields.map((f) => ({ value: f.id, label: f.required ? `${fieldLabel(f.id)} *` : fieldLabel(f.id) })),
                        ]}
                      />
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.map((r) => (
                  <Table.Tr key={r.line}>
                    <Table.Td>{r.line}</Table.Td>
                    {run.header.map((_, i) => <Table.Td key={i}>{r.cells[i] ?? ''}</Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group mt="md">
            <Button onClick={dryRun} loading={busy === 'check'} disabled={busy !== null || run.unmappedRequired.length > 0}>{t('customers.import.check')}</Button>
          </Group>
        </Card>
      )}

      {run && !done && check && (
        <Card withBorder padding="md" mt="md" component="section" aria-labelledby="import-check">
          <Title order={2} size="h4" id="import-check" mb="xs">{t('customers.import.step.check')}</Title>
          <Text mb="sm" data-testid="import-check-summary">
            {bad && bad.rejectedCount > 0
              ? t('customers.import.checkBad', { count: bad.rejectedCount, good: bad.goodCount })
              : t('customers.import.checkGood', { count: check.goodCount })}
          </Text>
          {bad && bad.rejectedCount > 0 && rejectedList(bad.rejected)}
          {progress && (
            <Stack gap={4} mt="md">
              <Text size="sm" id="import-progress">{t('customers.import.progress', { done: progress.done, total: progress.total })}</Text>
              <Progress value={progress.total === 0 ? 0 : (100 * progress.done) / progress.total} aria-labelledby="import-progress" animated />
            </Stack>
          )}
          <Group mt="md">
            {check.goodCount > 0 && (
              <Button onClick={() => importRows('all-or-nothing')} loading={busy === 'all-or-nothing'} disabled={busy !== null}>
                {t('customers.import.runAll', { count: check.rowCount })}
              </Button>
            )}
            {check.rejectedCount > 0 && check.goodCount > 0 && (
              <Button variant="outline" onClick={() => importRows('good-rows-only')} loading={busy === 'good-rows-only'} disabled={busy !== null}>
                {t('customers.import.runGood', { count: check.goodCount })}
              </Button>
            )}
          </Group>
        </Card>
      )}

      {error !== null && !(error instanceof ApiError && error.code === 'customers_import_rows_invalid' && refused) && <ProblemAlert error={error} />}
      {refused && (
        <Alert color="red" role="alert" mt="md" title={t('customers.import.refused', { count: refused.rejectedCount })}>
          {t('customers.import.refusedHint')}
        </Alert>
      )}

      {done && (
        <Card withBorder padding="md" mt="md" component="section" aria-labelledby="import-done">
          <Title order={2} size="h4" id="import-done" mb="xs">{t('customers.import.step.done')}</Title>
          <Alert color="green" role="status" data-testid="import-done">
            {t(`customers.import.saved.${run?.kind ?? 'customers'}`, { count: done.saved })}
            {done.rejectedCount > 0 ? ` ${t('customers.import.notSaved', { count: done.rejectedCount })}` : ''}
          </Alert>
          {done.rejectedCount > 0 && <div style={{ marginTop: 12 }}>{rejectedList(done.rejected)}</div>}
          <Group mt="md">
            <Button component={Link} to={`/c/${company.id}/customers`}>{t('customers.import.toList')}</Button>
            <Button variant="default" onClick={restart}>{t('customers.import.another')}</Button>
          </Group>
        </Card>
      )}
    </>
  );
}
