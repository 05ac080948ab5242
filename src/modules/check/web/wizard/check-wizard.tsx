import { Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import type { CheckRunDetail, Questionnaire } from '../api';
import { AnswerProgress } from '../shared/answer-progress';
import { ItemQuestion } from './item-question';
import { SectionList, SectionSelect } from './section-nav';
import { useAnswerSaver } from './use-answer-saver';
import { WizardSummary } from './wizard-summary';
import { SUMMARY_STEP, resumeStep, sectionSteps } from './wizard-steps';

interface Props {
  companyId: string;
  questionnaire: Questionnaire;
  run: CheckRunDetail;
  canComplete: boolean;
}

/** One section per step, then a summary; the step is kept in the address so reload and back work. */
export function CheckWizard({ companyId, questionnaire, run, canComplete }: Props) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const { answers, visible, progress, last, save } = useAnswerSaver(companyId, run);
  const steps = useMemo(() => sectionSteps(questionnaire, visible, answers), [questionnaire, visible, answers]);
  const [resume] = useState(() => resumeStep(steps));
  const [params, setParams] = useSearchParams();
  const requested = params.get('step') ?? resume;
  const index = steps.findIndex((s) => s.section.id === requested);
  const current = index >= 0 ? requested : SUMMARY_STEP;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [current]);

  const go = (step: string) => setParams({ step });
  const step = steps[index];
  const itemText = (id: string) => {
    const item = questionnaire.items.find((i) => i.id === id);
    return item && localized(item.text);
  };

  return (
    <Grid gap="xl">
      <Grid.Col span={3} visibleFrom="lg">
        <SectionList steps={steps} current={current} onSelect={go} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Box hiddenFrom="lg">
          <SectionSelect steps={steps} current={current} onSelect={go} />
        </Box>
        {step ? (
          <Stack gap="md">
            <Paper withBorder p="md" radius="md" bg="gray.0">
              <AnswerProgress answered={progress.answered} visible={progress.visible} />
            </Paper>
            <div>
              <Text size="sm" c="dimmed">{t('check.wizard.sectionOf', { current: index + 1, total: steps.length })}</Text>
              <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>{localized(step.section.title)}</Title>
            </div>
            {step.items.map((item) => (
              <ItemQuestion
                key={item.id}
                item={item}
                value={answers[item.id]}
                onAnswer={(value) => void save(item.id, value)}
                saveState={last.itemId === item.id ? last.state : null}
                error={last.itemId === item.id ? last.error : null}
                itemText={itemText}
              />
            ))}
            <Group justify="space-between" mt="md">
              <Button variant="default" size="md" disabled={index === 0} onClick={() => go(steps[index - 1]!.section.id)}>{t('check.wizard.previous')}</Button>
              <Button size="md" onClick={() => go(steps[index + 1]?.section.id ?? SUMMARY_STEP)}>
                {index === steps.length - 1 ? t('check.wizard.toSummary') : t('check.wizard.next')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <WizardSummary companyId={companyId} runId={run.id} steps={steps} progress={progress} canComplete={canComplete} onEdit={go} headingRef={headingRef} />
        )}
      </Grid.Col>
    </Grid>
  );
}
