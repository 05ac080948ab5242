import '@mantine/spotlight/styles.css';
import { ActionIcon, Button, Kbd, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, createSpotlight } from '@mantine/spotlight';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type SearchHit, useSearch } from '../api/search';
import { SearchIcon } from './header-icons';
import './translations';

const [searchStore, search] = createSpotlight();
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Hits grouped by kind, the groups in the order of their best hit (the server ranks). */
function groupByKind(hits: SearchHit[]): Array<{ kind: string; label: string; hits: SearchHit[] }> {
  const groups = new Map<string, { kind: string; label: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.kind) ?? { kind: hit.kind, label: hit.kindLabel, hits: [] };
    group.hits.push(hit);
    groups.set(hit.kind, group);
  }
  return [...groups.values()];
}

/**
 * The global search in the header: a button (Ctrl+K or ⌘+K anywhere) opens a search over every
 * module the person may see; hits come grouped by kind, arrow keys choose, Enter opens the record.
 */
export function HeaderSearch({ companyId, compact }: { companyId: string; compact: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const result = useSearch(companyId, debounced, i18n.language);
  const shortcut = t(isMac ? 'header.search.macShortcut' : 'header.search.ctrlShortcut');
  const typed = query.trim().length > 0;
  const hits = typed && result.data ? result.data.hits : [];
  const settled = typed && !result.isFetching && debounced === query && result.data !== undefined;

  return (
    <>
      {compact ? (
        <ActionIcon variant="default" size={44} radius="md" onClick={search.open} aria-label={t('header.search.openWithShortcut', { shortcut })} data-testid="search-open">
          <SearchIcon />
        </ActionIcon>
      ) : (
        <Button variant="default" leftSection={<SearchIcon size={16} />} rightSection={<Kbd size="xs" aria-hidden>{shortcut}</Kbd>} onClick={search.open}
          aria-label={t('header.search.openWithShortcut', { shortcut })} data-testid="search-open" fw={400} c="dimmed">
          {t('header.search.open')}
        </Button>
      )}
      <Spotlight.Root store={searchStore} query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={480}>
        <Spotlight.Search placeholder={t('header.search.placeholder')} aria-label={t('header.search.label')} leftSection={<SearchIcon />} data-testid="search-input" />
        <Spotlight.ActionsList>
          {groupByKind(hits).map((group) => (
            // a group of our own: Mantine's draws its label with CSS, which not every screen reader reads
            <div key={group.kind} role="group" aria-labelledby={`search-group-${group.kind}`}>
              <Text id={`search-group-${group.kind}`} size="xs" fw={700} c="dimmed" px="sm" pt="sm" pb={4}>{group.label}</Text>
              {group.hits.map((hit) => (
                <Spotlight.Action key={`${hit.kind}:${hit.id}`} label={hit.title} description={hit.subtitle} onClick={() => navigate(`/c/${companyId}${hit.path}`)} data-testid="search-hit" />
              ))}
            </div>
          ))}
          {!typed && <Spotlight.Empty><Text size="sm" c="dimmed">{t('header.search.hint')}</Text></Spotlight.Empty>}
          {typed && result.isError && <Spotlight.Empty>{t('header.search.failed')}</Spotlight.Empty>}
          {typed && !result.isError && hits.length === 0 && <Spotlight.Empty>{settled ? t('header.search.nothing', { query: query.trim() }) : t('header.search.loading')}</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
