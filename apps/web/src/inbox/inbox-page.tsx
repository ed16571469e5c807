import { Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationPane } from '../conversation/conversation-pane';
import { contactPanelOpen, conversationIdOf, navigate, useLocation } from '../routing/use-location';
import { Session } from '../session/session-store';
import { AppHeader } from '../shared/app-header';
import { PaneCommand, shortcutFor } from '../shared/keyboard-shortcut.util';
import { ConversationList } from './conversation-list';
import { parseInboxFilters, serialiseInboxFilters } from './inbox-filters';
import { ShortcutSheet } from './shortcut-sheet';
import { useUnreadTitle } from './use-unread-title';
import { ContactPanel } from '../conversation/contact-panel';

// The conversation after or before the open one, in the order the list shows them (drawn or not).
function neighbourOf(ids: string[], selectedId: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = selectedId ? ids.indexOf(selectedId) : -1;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))] ?? null;
}

// Below 768 px one pane at a time: the list, the open conversation, or its beneficiary's panel, each with a way back.
const ONE_PANE_QUERY = '(max-width: 767px)';
// Wide enough for the beneficiary's panel beside the conversation; narrower, it takes the conversation's place.
const THREE_PANES_QUERY = '(min-width: 1200px)';

export function InboxPage({ session, live }: { session: Session; live: boolean }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const filters = parseInboxFilters(search);
  const selectedId = conversationIdOf(pathname);
  const onePane = useMediaQuery(ONE_PANE_QUERY) ?? false;
  const threePanes = useMediaQuery(THREE_PANES_QUERY) ?? false;
  const contactOpen = Boolean(selectedId) && contactPanelOpen(pathname);
  const listSearch = serialiseInboxFilters(filters);
  const order = useRef<string[]>([]);
  useUnreadTitle();
  const [helpOpen, setHelpOpen] = useState(false);
  const [paneCommand, setPaneCommand] = useState<PaneCommand | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') setHelpOpen(true);
      else if (action === 'next' || action === 'previous') {
        const target = neighbourOf(order.current, selectedId, action === 'next' ? 1 : -1);
        if (target && target !== selectedId) navigate(`/conversations/${target}${listSearch}`);
      } else if (selectedId) setPaneCommand((previous) => ({ action, sequence: (previous?.sequence ?? 0) + 1 }));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selectedId, listSearch]);

  // On a phone one pane shows; between phone and wide screens the panel replaces the conversation.
  const showList = !onePane || !selectedId;
  const showConversation = (!onePane || Boolean(selectedId)) && !(contactOpen && (onePane || !threePanes));
  const showContact = contactOpen;
  const conversationPath = selectedId ? `/conversations/${selectedId}${listSearch}` : `/${listSearch}`;
  const layout = [
    'inbox-panes',
    onePane ? 'one-pane' : '',
    !onePane && showContact ? (showConversation ? 'three-panes' : 'contact-pane') : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="app-layout">
      <ShortcutSheet opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <AppHeader session={session} live={live} onShowShortcuts={() => setHelpOpen(true)} />
      <div className={layout}>
        {showList && (
          <ConversationList
            filters={filters}
            userId={session.user.id}
            selectedId={selectedId}
            onFiltersChange={(next) => navigate(pathname + serialiseInboxFilters(next), { replace: true })}
            onSelect={(id) => navigate(`/conversations/${id}${contactOpen ? '/contact' : ''}${listSearch}`)}
            onOrderChange={(ids) => {
              order.current = ids;
            }}
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
              contactOpen={contactOpen}
              onToggleContact={() => navigate(contactOpen ? conversationPath : `/conversations/${selectedId}/contact${listSearch}`)}
            />
          ) : (
            <section className="conversation-placeholder">
              <Text c="dimmed">{t('inbox.selectConversation')}</Text>
            </section>
          ))}
        {showContact && selectedId && (
          <ContactPanel
            key={`contact-${selectedId}`}
            conversationId={selectedId}
            session={session}
            onClose={() => navigate(conversationPath)}
          />
        )}
      </div>
    </div>
  );
}
