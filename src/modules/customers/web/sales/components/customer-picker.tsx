import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomerList } from '../../api';

/** A searchable choice of one of the company's customers (search by name, number, city). */
export function CustomerPicker({ companyId, value, onChange, initialLabel }: { companyId: string; value: string | null; onChange: (id: string | null) => void; initialLabel?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useCustomerList(companyId, { q, country: '', sort: 'name', dir: 'asc', page: 1 });
  const data = (list.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.number})` }));
  if (value && initialLabel && !data.some((d) => d.value === value)) data.unshift({ value, label: initialLabel });
  return (
    <Select
      label={t('customersSales.quotes.customer')}
      placeholder={t('customersSales.quotes.customerPlaceholder')}
      searchable
      required
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={(text) => { if (!data.some((d) => d.label === text)) setQ(text); }}
      nothingFoundMessage={t('customersSales.quotes.noCustomer')}
      filter={({ options }) => options}
    />
  );
}
