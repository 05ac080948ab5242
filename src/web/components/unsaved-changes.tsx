import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Warns before unsaved changes of a form are lost: leaving the page within the app asks first, and
 * closing or reloading the tab makes the browser ask. `values` is what the form holds now; it counts
 * as changed while it differs from what was last loaded or saved (`markSaved`).
 */
export function useUnsavedChanges<T>(values: T) {
  const current = JSON.stringify(values);
  const [baseline, setBaseline] = useState(current);
  const dirty = useRef(false);
  dirty.current = current !== baseline;
  const prompt = useLeaveGuard(dirty);
  return {
    changed: current !== baseline,
    /**
     * After a successful save: the form's values are the stored ones (a navigation right after is not
     * held up). When only part of the form was saved on its own, `stored` says what is stored now,
     * starting from what was stored before, so the rest still counts as changed.
     */
    markSaved: (stored?: (before: T) => T) => {
      const next = stored ? JSON.stringify(stored(JSON.parse(baseline) as T)) : current;
      dirty.current = current !== next;
      setBaseline(next);
    },
    prompt,
  };
}

/**
 * While `dirty.current` is true, leaving the page within the app asks first (the returned dialog) and
 * closing or reloading the tab makes the browser ask. A ref, so a save can clear it right before it navigates.
 */
export function useLeaveGuard(dirty: { readonly current: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty.current && currentLocation.pathname !== nextLocation.pathname);
  const changed = dirty.current;
  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('common.unsaved.title')} centered>
      <Stack>
        <Text>{t('common.unsaved.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>{t('common.unsaved.stay')}</Button>
          <Button color="#c92a2a" onClick={() => blocker.proceed?.()}>{t('common.unsaved.leave')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
