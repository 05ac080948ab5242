import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { BenchmarkComparison } from '../../domain/benchmarks';
import { useBenchmarkText } from './use-benchmark-text';

/** Every comparison with the study: the firm's value, the published shares, source and year. */
export function BenchmarkTable({ comparisons, caption }: { comparisons: BenchmarkComparison[]; caption: string }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const text = useBenchmarkText();
  return (
    <Table verticalSpacing="sm" fz="sm" striped>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('check.results.benchTopic')}</Table.Th>
          <Table.Th w="20%">{t('check.results.benchFirm')}</Table.Th>
          <Table.Th>{t('check.results.benchShares')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {comparisons.map((c) => {
          const shares = text.shares(c);
          return (
            <Table.Tr key={c.id} data-testid={`benchmark-${c.id}`}>
              <Table.Th scope="row" fw={500}>{localized(c.label)}</Table.Th>
              <Table.Td>{text.firmValue(c)}</Table.Td>
              <Table.Td>
                {shares.map((s) => (
                  <Text key={s.label} size="sm"><Text span size="sm" fw={600}>{s.value}</Text> {s.label}</Text>
                ))}
                {shares.length === 0 && !c.distribution && <Text size="sm">{t('check.results.benchNone')}</Text>}
                {c.distribution && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('check.results.benchDistribution')}: {c.distribution.map((d) => `${localized(d.label)} ${text.share(c, d.value)}`).join(' · ')}
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={4}>{text.source(c)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
