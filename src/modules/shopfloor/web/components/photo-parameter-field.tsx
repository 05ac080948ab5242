import '../reasons/load-translations';
import { Button, Group, Image, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downscalePhoto, queuePhoto } from '../photo-queue';

/**
 * A photo parameter: opens the tablet's rear camera (or the file chooser on a desktop), downscales the
 * picture to at most 1600 px JPEG and keeps it in the device's photo queue; the value is the photo id.
 */
export function PhotoParameterField({ companyId, label, required, value, onChange }: {
  companyId: string; label: string; required: boolean; value: string | undefined; onChange: (photoId: string) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(false);
  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);
  useEffect(() => {
    if (!value) setPreview(null);
  }, [value]);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(false);
    try {
      const small = await downscalePhoto(file);
      const photoId = await queuePhoto(companyId, small);
      setPreview(URL.createObjectURL(small));
      onChange(photoId);
    } catch {
      setProblem(true);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} fw={500} size="xl">{label}{required && <span aria-hidden="true" style={{ color: 'var(--mantine-color-red-9)' }}> *</span>}</Text>
      <Stack gap="xs">
        <input ref={input} id={id} type="file" accept="image/*" capture="environment" hidden aria-labelledby={`${id}-label`} data-testid="photo-input" onChange={(e) => void take(e.currentTarget.files?.[0])} />
        <Group gap="md" align="center">
          <Button size="xl" variant={value ? 'outline' : 'filled'} loading={busy} onClick={() => input.current?.click()}>
            {value ? t('shopfloorReasons.photo.retake') : t('shopfloorReasons.photo.take')}
          </Button>
          {preview && <Image src={preview} alt={t('shopfloorReasons.photo.preview', { label })} h={96} w="auto" radius="sm" data-testid="photo-preview" />}
        </Group>
        {value && <Text size="sm" c="dimmed">{t('shopfloorReasons.photo.queued')}</Text>}
        {problem && <Text c="red.9" role="alert">{t('shopfloorReasons.photo.failed')}</Text>}
      </Stack>
    </Stack>
  );
}
