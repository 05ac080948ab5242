import '../reasons/load-translations';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeQr } from './qr-decode';

/**
 * Camera view that reads the QR code of an order paper. Loaded only when "Scannen" is tapped, so the
 * decoder (jsQR) is not part of the terminal's first download.
 */
export default function QrScanner({ onResult, onClose }: { onResult: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<'denied' | 'unavailable' | null>(null);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const scan = async () => {
      if (stopped) return;
      const v = video.current;
      const text = v && v.readyState >= 2 ? await decodeQr(v, canvas) : null;
      if (stopped) return;
      if (text) {
        stopped = true;
        onResult(text);
        return;
      }
      timer = window.setTimeout(() => void scan(), 150);
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('unavailable');
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (stopped) return stream.getTracks().forEach((track) => track.stop());
        if (video.current) {
          video.current.srcObject = stream;
          await video.current.play().catch(() => undefined);
        }
        void scan();
      } catch (error) {
        setProblem(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
      }
      return undefined;
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Modal opened onClose={onClose} title={t('shopfloorReasons.scan.title')} size="lg" centered>
      <Stack gap="md">
        {problem ? (
          <Alert color="red" role="alert">{t(`shopfloorReasons.scan.${problem}`)}</Alert>
        ) : (
          <>
            <video ref={video} muted playsInline aria-label={t('shopfloorReasons.scan.camera')} data-testid="qr-video" style={{ width: '100%', maxHeight: '60vh', background: '#000', borderRadius: 8 }} />
            <Text>{t('shopfloorReasons.scan.hint')}</Text>
          </>
        )}
        <Group justify="end">
          <Button size="lg" variant="default" onClick={onClose}>{t('shopfloorReasons.scan.cancel')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
