import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartSearch } from '../sales-api';

/** Picks one of Shop floor's parts (searched by number or name through the customers module's door route). */
export function PartSelect({ companyId, value, label, onChange }: { companyId: string; value: string | null; label: string; onChange: (part: { id: string; label: string } | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const parts = usePartSearch(companyId, q, true);
  const data = (parts.data ?? []).map((p) => ({ value: p.id, label: `${p.number} ${p.name}` }));
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label });
  return (
    <Select
      label={t('customersSales.positions.part')}
      placeholder={t('customersSales.positions.partPlaceholder')}
      searchable
      required
      data={data}
      value={value}
      onChange={(id) => onChange(id ? { id, label: data.find((d) => d.value === id)?.label ?? '' } : null)}
      onSearchChange={(text) => { if (!data.some((d) => d.label === text)) setQ(text); }}
      nothingFoundMessage={t('customersSales.positions.noPart')}
      filter={({ options }) => options}
    />
  );
}
