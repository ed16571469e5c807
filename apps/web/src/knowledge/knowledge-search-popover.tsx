import { Badge, Button, Group, Loader, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import type { components } from '../api/schema';
import { UiLanguage } from '../shared/date-format.util';
import { headingLabel } from './composer-text.util';
import { pageLabel } from './knowledge-anchor.util';
import { PLAIN_TEXT_INPUT } from './plain-text-input.constant';

export type KnowledgeHit = components['schemas']['KnowledgeSearchHitResponse'];

const SEARCH_DELAY_MILLISECONDS = 250;

export function useKnowledgeSearch(term: string) {
  const [debounced] = useDebouncedValue(term.trim(), SEARCH_DELAY_MILLISECONDS);
  return useQuery({
    queryKey: ['knowledge-search', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/knowledge/search', { params: { query: { q: debounced, limit: 8 } } })),
    enabled: debounced.length >= 2,
    staleTime: 60_000,
  });
}

// One search result: the document, where in it, and the passage itself (user text: dir=auto).
export function KnowledgeHitCard({ hit, action }: { hit: KnowledgeHit; action?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const page = pageLabel(hit.page, t, i18n.language as UiLanguage);
  const heading = headingLabel(hit.heading);
  return (
    <article className="knowledge-hit">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div className="knowledge-hit-source">
          <Text size="sm" fw={600}>
            <bdi>{hit.documentTitle}</bdi>
          </Text>
          {(heading || page) && (
            <Text size="xs" c="dimmed">
              {heading && <bdi>{heading}</bdi>}
              {heading && page && ' · '}
              {page && <span className="knowledge-page-label">{page}</span>}
            </Text>
          )}
        </div>
        <Badge className="knowledge-badge" variant="filled" color="gray.7" size="sm">
          {t(`knowledge.match.${hit.match}`)}
        </Badge>
      </Group>
      <Text size="sm" dir="auto" className="knowledge-hit-text">
        {hit.text}
      </Text>
      {action}
    </article>
  );
}

interface KnowledgeSearchPopoverProps {
  opened: boolean;
  onOpen: () => void;
  onClose: () => void;
  onQuote: (hit: KnowledgeHit) => void;
}

// From the composer: find a passage of the association's tools and quote it at the cursor.
export function KnowledgeSearchPopover({ opened, onOpen, onClose, onQuote }: KnowledgeSearchPopoverProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const results = useKnowledgeSearch(term);
  return (
    <Popover
      opened={opened}
      onChange={(open) => (open ? onOpen() : onClose())}
      position="top-start"
      width={520}
      trapFocus
      shadow="md"
      returnFocus={false}
    >
      <Popover.Target>
        <Button variant="default" size="compact-sm" onClick={() => (opened ? onClose() : onOpen())}>
          {t('composerTools.search')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown className="knowledge-search-dropdown">
        <Stack gap="xs">
          <TextInput
            data-autofocus
            label={t('composerTools.searchLabel')}
            placeholder={t('knowledge.searchPlaceholder')}
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') onClose();
            }}
            styles={PLAIN_TEXT_INPUT}
          />
          {results.isFetching && <Loader size="sm" />}
          {results.data && results.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('knowledge.noResults')}
            </Text>
          )}
          <div className="knowledge-search-results">
            {results.data?.items.map((hit) => (
              <KnowledgeHitCard
                key={hit.passageId}
                hit={hit}
                action={
                  <Group justify="flex-end">
                    <Button size="compact-xs" onClick={() => onQuote(hit)}>
                      {t('composerTools.quote')}
                    </Button>
                  </Group>
                }
              />
            ))}
          </div>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
