import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../../../../web/api/client';
import { useFormat } from '../../../../web/i18n/format';
import { type CheckRunSummary, checkKeys, checkPath } from '../api';
import { AnswerProgress } from '../shared/answer-progress';
import { CheckProblemAlert } from '../shared/check-problem-alert';
import type { SectionStep } from './wizard-steps';

interface Props {
  companyId: string;
  runId: string;
  steps: SectionStep[];
  progress: { answered: number; visible: number };
  canComplete: boolean;
  onEdit: (step: string) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function WizardSummary({ companyId, runId, steps, progress, canComplete, onEdit, headingRef }: Props) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const base = `/c/${companyId}/check`;
  const complete = useMutation({
    mutationFn: () => post<CheckRunSummary>(`${checkPath(companyId)}/runs/${runId}/complete`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: checkKeys.all(companyId) });
      navigate(`${base}/${runId}/results`);
    },
  });
  const open_ = progress.visible - progress.answered;

  return (
    <Stack gap="lg">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>{t('check.wizard.summary')}</Title>
      <AnswerProgress answered={progress.answered} visible={progress.visible} />
      <Text>{open_ === 0 ? t('check.wizard.allAnswered') : t('check.wizard.summaryIntro', { answered: progress.answered, visible: progress.visible })}</Text>
      <Paper withBorder>
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {steps.map((s) => {
              const missing = s.items.length - s.answered;
              const title = localized(s.section.title);
              return (
                <Table.Tr key={s.section.id}>
                  <Table.Th scope="row" fw={500}>{title}</Table.Th>
                  <Table.Td>{missing === 0 ? t('check.wizard.sectionProgress', { answered: s.answered, visible: s.items.length }) : t('check.wizard.openQuestions', { count: missing })}</Table.Td>
                  <Table.Td ta="right">
                    <Button variant="subtle" size="sm" onClick={() => onEdit(s.section.id)} aria-label={t('check.wizard.editSection', { section: title })}>{t('check.wizard.edit')}</Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {canComplete ? (
        <Group>
          <Button size="lg" onClick={open}>{t('check.wizard.complete')}</Button>
          <Button component={Link} to={`${base}/${runId}/results`} variant="default" size="lg">{t('check.wizard.interim')}</Button>
        </Group>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Alert color="werkblau">{t('check.wizard.doneHint')}</Alert>
          <Button size="lg" component={Link} to={base}>{t('check.wizard.done')}</Button>
        </Stack>
      )}
      <Modal opened={confirming} onClose={close} title={t('check.wizard.completeTitle')}>
        <Stack>
          <Text>{t('check.wizard.completeText')}</Text>
          <CheckProblemAlert error={complete.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button loading={complete.isPending} onClick={() => complete.mutate()}>{t('check.wizard.completeConfirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
