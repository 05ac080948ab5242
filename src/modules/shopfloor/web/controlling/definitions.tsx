import { Accordion, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TERMS = ['plannedProductionTime', 'runTime', 'availability', 'performance', 'quality', 'oee', 'scrapRate', 'utilisation', 'leadTime', 'onTimeDelivery', 'empty', 'shifts'] as const;

/** The ISO 22400 definitions behind every figure, folded away until asked for. */
export function Definitions() {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" mt="lg" data-testid="definitions">
      <Accordion.Item value="definitions">
        <Accordion.Control>{t('shopfloorControlling.definitions.title')}</Accordion.Control>
        <Accordion.Panel>
          <List spacing={6} size="sm">
            {TERMS.map((term) => <List.Item key={term}>{t(`shopfloorControlling.definitions.${term}`)}</List.Item>)}
          </List>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
