import { Button, Drawer, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMatches } from 'react-router';
import { helpKeyOf } from './page-help';

/**
 * "Help on this page": opens a drawer with the short explanation the route declares
 * (`handle: { help: key }`). Paragraphs are separated by a blank line in the translation.
 * Closing returns the focus to the button.
 */
export function PageHelpButton({ page }: { page: string }) {
  const { t } = useTranslation();
  const key = helpKeyOf(useMatches());
  const [opened, { open, close }] = useDisclosure(false);
  if (!key) return null;
  const paragraphs = t(key).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={open} aria-haspopup="dialog" aria-expanded={opened}
        data-testid="page-help" style={{ flexShrink: 0 }}>
        {t('help.open')}
      </Button>
      <Drawer opened={opened} onClose={close} position="right" size="md" returnFocus
        title={t('help.title', { page })} closeButtonProps={{ 'aria-label': t('help.close') }}
        data-testid="page-help-drawer">
        <Stack gap="sm">
          {paragraphs.map((p, i) => <Text key={i}>{p}</Text>)}
        </Stack>
      </Drawer>
    </>
  );
}
