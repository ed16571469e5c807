import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationPane } from '../conversation/conversation-pane';
import { conversationIdOf, navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { PaneCommand, shortcutFor } from '../shared/keyboard-shortcut.util';
import { ConversationList } from './conversation-list';
import { parseInboxFilters, serialiseInboxFilters } from './inbox-filters';
import { ShortcutSheet } from './shortcut-sheet';

// The conversation after or before the open one, in the order the list shows them.
function neighbourOf(selectedId: string | null, step: 1 | -1): string | null {
  const ids = [...document.querySelectorAll<HTMLElement>('[data-conversation-id]')].map((element) => element.dataset.conversationId!);
  if (ids.length === 0) return null;
  const index = selectedId ? ids.indexOf(selectedId) : -1;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))] ?? null;
}

// Below 768 px one pane at a time: the list, or the open conversation with a way back.
const ONE_PANE_QUERY = '(max-width: 767px)';

export function InboxPage({ session, live }: { session: Session; live: boolean }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const filters = parseInboxFilters(search);
  const selectedId = conversationIdOf(pathname);
  const onePane = useMediaQuery(ONE_PANE_QUERY) ?? false;
  const listSearch = serialiseInboxFilters(filters);
  const [helpOpen, setHelpOpen] = useState(false);
  const [paneCommand, setPaneCommand] = useState<PaneCommand | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') setHelpOpen(true);
      else if (action === 'next' || action === 'previous') {
        const target = neighbourOf(selectedId, action === 'next' ? 1 : -1);
        if (target && target !== selectedId) navigate(`/conversations/${target}${listSearch}`);
      } else if (selectedId) setPaneCommand((previous) => ({ action, sequence: (previous?.sequence ?? 0) + 1 }));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selectedId, listSearch]);

  const showList = !onePane || !selectedId;
  const showConversation = !onePane || Boolean(selectedId);

  return (
    <div className="app-layout">
      <ShortcutSheet opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <AppHeader session={session} live={live} onShowShortcuts={() => setHelpOpen(true)} />
      <div className={onePane ? 'inbox-panes one-pane' : 'inbox-panes'}>
        {showList && (
          <ConversationList
            filters={filters}
            userId={session.user.id}
            selectedId={selectedId}
            onFiltersChange={(next) => navigate(pathname + serialiseInboxFilters(next), { replace: true })}
            onSelect={(id) => navigate(`/conversations/${id}${listSearch}`)}
          />
        )}
        {showConversation &&
          (selectedId ? (
            <ConversationPane
              key={selectedId}
              command={paneCommand}
              conversationId={selectedId}
              session={session}
              onBack={() => navigate(`/${listSearch}`)}
              showBack={onePane}
            />
          ) : (
            <section className="conversation-placeholder">
              <Text c="dimmed">{t('inbox.selectConversation')}</Text>
            </section>
          ))}
      </div>
    </div>
  );
}
