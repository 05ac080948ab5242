import '../load-translations';
import { Anchor, Card, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { SCENARIO_NAMES } from '../../domain/scenarios';
import { useComparison } from '../api';
import { FIGURE_IDS, useFigureFormat } from '../use-figure-format';

export default function InvestComparePage() {
  const { t } = useTranslation();
  const { money, number } = useFormat();
  const format = useFigureFormat();
  const company = useCompany();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const comparison = useComparison(company.id, ids);
  if (ids.length < 2) return <PageHeader title={t('invest.web.compareTitle')} intro={t('invest.web.compareHint')} />;
  if (comparison.error) return <ProblemAlert error={comparison.error} />;
  if (!comparison.data) return <Loading />;
  const { alternatives } = comparison.data;
  const reference = alternatives.find((a) => a.id === comparison.data.weightsFrom)!;
  const score = (s: number | null) => (s === null ? t('invest.web.notRated') : `${number(s, 0)} / 100`);
  const row = (label: string, cells: string[], key: string, strong = false) => (
    <Table.Tr key={key}>
      <Table.Th scope="row">{label}</Table.Th>
      {cells.map((c, i) => <Table.Td key={alternatives[i].id} ta="right" fw={strong ? 700 : 400}>{c}</Table.Td>)}
    </Table.Tr>
  );
  return (
    <>
      <PageHeader title={t('invest.web.compareTitle')} intro={t('invest.web.compareIntro', { title: reference.title })}>
        <Anchor component={Link} to={`/c/${company.id}/invest`}>{t('invest.web.back')}</Anchor>
      </PageHeader>
      <Card withBorder padding="md">
        <Table.ScrollContainer minWidth={600}>
          <Table withTableBorder striped data-testid="comparison">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invest.web.figure')}</Table.Th>
                {alternatives.map((a) => (
                  <Table.Th key={a.id} scope="col" ta="right"><Anchor component={Link} to={`/c/${company.id}/invest/${a.id}`}>{a.title}</Anchor></Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {row(t('invest.web.rank'), alternatives.map((a) => (a.rank === null ? '–' : String(a.rank))), 'rank', true)}
              {row(t('invest.web.commonScore'), alternatives.map((a) => score(a.utilityScore)), 'common', true)}
              {row(t('invest.web.ownScore'), alternatives.map((a) => score(a.ownUtilityScore)), 'own')}
              {row(t('invest.web.investment'), alternatives.map((a) => money(a.investmentCents)), 'investment')}
              {FIGURE_IDS.flatMap((id) =>
                SCENARIO_NAMES.map((name) =>
                  row(`${t(`invest.figures.${id}.label`)} – ${t(`invest.scenarios.${name}`)}`, alternatives.map((a) => format(a.scenarios[name], id)), `${id}-${name}`, name === 'expected'),
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
