import { Text } from '@mantine/core';

/** One labelled fact of a record's "what it is" card, inside a `<dl>`. */
export function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text fw={600} component="dd" m={0}>{children}</Text>
    </div>
  );
}
