import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const VERIFY = `// Node.js: check a request before trusting it
const crypto = require('node:crypto');
const expected = 'sha256=' + crypto.createHmac('sha256', SECRET)
  .update(req.headers['x-werkverbund-timestamp'] + '.' + rawBody).digest('hex');
const ok = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(req.headers['x-werkverbund-signature']));`;

/** The signing secret, shown once (after creating a webhook or replacing its secret), with how to verify a signature. */
export function SecretModal({ secret, rotated, onClose }: { secret: string | null; rotated: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} size="lg" title={t(rotated ? 'webhooksPage.secret.rotatedTitle' : 'webhooksPage.secret.createdTitle')}>
      {secret && (
        <Stack data-testid="webhook-secret">
          <Alert styles={{ title: { color: 'var(--mantine-color-red-9)' } }} color="red" title={t('webhooksPage.secret.onceTitle')}>
            {t('webhooksPage.secret.once')}
            {rotated && ` ${t('webhooksPage.secret.rotated')}`}
          </Alert>
          <Group wrap="nowrap">
            <Code style={{ flex: 1, wordBreak: 'break-all' }} data-testid="webhook-secret-value">{secret}</Code>
            <CopyButton value={secret}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{t(copied ? 'webhooksPage.secret.copied' : 'webhooksPage.secret.copy')}</Button>}</CopyButton>
          </Group>
          <Text size="sm">{t('webhooksPage.secret.verify')}</Text>
          <Code block style={{ whiteSpace: 'pre-wrap' }}>{VERIFY}</Code>
          <Group justify="flex-end"><Button onClick={onClose}>{t('webhooksPage.secret.done')}</Button></Group>
        </Stack>
      )}
    </Modal>
  );
}
