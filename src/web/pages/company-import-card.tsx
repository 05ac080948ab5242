import { Alert, Button, FileInput, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { type ImportedCompany, importProgress, uploadCompanyArchive } from '../api/company-import';
import { ME_KEY } from '../api/me';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';

// the alert's green title on its light green ground is too pale for WCAG AA: the text colour
const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

type State =
  | { step: 'idle' }
  | { step: 'uploading'; fraction: number }
  | { step: 'importing'; rowsDone: number; rowsTotal: number }
  | { step: 'done'; company: ImportedCompany }
  | { step: 'failed'; error: unknown };

/** An archive is a ZIP: anything else is refused before it is sent (the server checks again). */
const looksLikeZip = (file: File) => /\.zip$/i.test(file.name) || /zip/.test(file.type);

/**
 * Creates a new company from a company export (werkverbund-export-….zip): upload with progress,
 * then the server's progress through the rows, then the result and the way to the new company.
 */
export function CompanyImportCard() {
  const { t } = useTranslation();
  const { number } = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const polling = useRef<ReturnType<typeof setInterval>>(undefined);
  useEffect(() => () => clearInterval(polling.current), []);

  const start = async () => {
    if (!file) return;
    if (!looksLikeZip(file)) {
      setState({ step: 'failed', error: new ApiError(400, 'import_not_zip', '') });
      return;
    }
    setState({ step: 'uploading', fraction: 0 });
    try {
      const company = await uploadCompanyArchive(file, name.trim() || undefined, (fraction) => {
        if (fraction < 1) setState({ step: 'uploading', fraction });
        else {
          setState({ step: 'importing', rowsDone: 0, rowsTotal: 0 });
          clearInterval(polling.current);
          polling.current = setInterval(() => {
            importProgress().then((p) => {
              if (p.running && p.phase !== 'uploading') setState((s) => (s.step === 'importing' ? { step: 'importing', rowsDone: p.rowsDone ?? 0, rowsTotal: p.rowsTotal ?? 0 } : s));
            }, () => undefined);
          }, 700);
        }
      });
      clearInterval(polling.current);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      setState({ step: 'done', company });
      setFile(null);
      setName('');
    } catch (error) {
      clearInterval(polling.current);
      setState({ step: 'failed', error });
    }
  };

  const busy = state.step === 'uploading' || state.step === 'importing';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="company-import-title">
      <Stack align="stretch">
        <Title order={2} size="h3" id="company-import-title">{t('export.importTitle')}</Title>
        <Text size="sm">{t('export.importIntro')}</Text>
        <FileInput
          label={t('export.importFile')}
          placeholder={t('export.importFilePlaceholder')}
          accept=".zip,application/zip"
          value={file}
          onChange={(f) => { setFile(f); if (!busy) setState({ step: 'idle' }); }}
          disabled={busy}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <TextInput label={t('export.importName')} description={t('export.importNameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={busy} maxLength={200} />
        <Button onClick={() => void start()} disabled={!file || busy} loading={busy} style={{ alignSelf: 'flex-start' }}>{t('export.importStart')}</Button>
        {state.step === 'uploading' && (
          <Stack gap={4}>
            <Text size="sm" id="import-progress-label">{t('export.importUploading', { percent: number(Math.round(state.fraction * 100)) })}</Text>
            <Progress value={Math.round(state.fraction * 100)} aria-labelledby="import-progress-label" data-testid="import-progress" />
          </Stack>
        )}
        {state.step === 'importing' && (
          <Stack gap={4}>
            <Text size="sm" id="import-progress-label">
              {state.rowsTotal > 0 ? t('export.importRows', { done: number(state.rowsDone), total: number(state.rowsTotal) }) : t('export.importChecking')}
            </Text>
            <Progress value={state.rowsTotal > 0 ? Math.round((state.rowsDone / state.rowsTotal) * 100) : 100} striped animated aria-labelledby="import-progress-label" data-testid="import-progress" />
          </Stack>
        )}
        {state.step === 'failed' && <ProblemAlert error={state.error} />}
        {state.step === 'done' && (
          <Alert color="green" role="status" styles={readableTitle} title={t('export.importDone', { company: state.company.name })}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('export.importSummary', { rows: number(state.company.rows), linked: number(state.company.people.linked), created: number(state.company.people.created) })}</Text>
              <Text size="sm">{t('export.importSecrets')}</Text>
              <Button component={Link} to={`/c/${state.company.id}`}>{t('export.importOpen', { company: state.company.name })}</Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
