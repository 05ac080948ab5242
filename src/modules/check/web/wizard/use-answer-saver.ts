import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { put } from '../../../../web/api/client';
import type { AnswerValue, Answers } from '../../domain/answers';
import { type CheckRunDetail, checkKeys, checkPath } from '../api';
import type { SaveState } from './item-question';

function withAnswer(answers: Answers, itemId: string, value: AnswerValue | null | undefined): Answers {
  const next = { ...answers };
  if (value === null || value === undefined) delete next[itemId];
  else next[itemId] = value;
  return next;
}

/**
 * The caller's answers, saved one item at a time. The server answers each save with the items
 * now visible and the progress; on failure the previous answer is restored.
 */
export function useAnswerSaver(companyId: string, initial: CheckRunDetail) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>(initial.myAnswers);
  const [visible, setVisible] = useState(() => new Set(initial.visibleItemIds));
  const [progress, setProgress] = useState(initial.progress);
  const [last, setLast] = useState<{ itemId: string; state: SaveState; error: unknown }>({ itemId: '', state: null, error: null });
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const sequence = useRef(0);

  const save = useCallback(async (itemId: string, value: AnswerValue | null) => {
    const previous = answersRef.current[itemId];
    setAnswers((a) => withAnswer(a, itemId, value));
    const seq = ++sequence.current;
    setLast({ itemId, state: 'saving', error: null });
    try {
      const detail = await put<CheckRunDetail>(`${checkPath(companyId)}/runs/${initial.id}/answers`, { answers: { [itemId]: value } });
      queryClient.setQueryData(checkKeys.run(companyId, initial.id), detail);
      // Only the newest save decides what is visible; earlier answers may arrive late.
      if (seq === sequence.current) {
        setVisible(new Set(detail.visibleItemIds));
        setProgress(detail.progress);
        setLast({ itemId, state: 'saved', error: null });
      }
    } catch (error) {
      setAnswers((a) => withAnswer(a, itemId, previous));
      setLast({ itemId, state: 'error', error });
    }
  }, [companyId, initial.id, queryClient]);

  return { answers, visible, progress, last, save };
}
