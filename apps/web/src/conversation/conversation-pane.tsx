import { CaptureFeedbackButton } from '../request-kinds/capture-feedback-button';
import { ActionIcon, Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { InfiniteData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Conversation, ConversationPage, Message, unwrap } from '../api/api-client';
import { markReadInPages } from '../inbox/unread.util';
import { ConversationActions } from './conversation-actions';
import { Session } from '../session/session-store';
import { ChannelIcon } from '../shared/channel-icon';
import { PaneCommand } from '../shared/keyboard-shortcut.util';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { nameOf, useDirectory } from '../shared/use-directory';
import { OpenRequestButton } from '../requests/open-request-button';
import { Composer } from './composer';
import { ReplyWindow } from './reply-window';
import { Timeline } from './timeline';
import { buildTimeline } from './timeline.util';

interface ConversationPaneProps {
  conversationId: string;
  command: PaneCommand | null;
  session: Session;
  showBack: boolean;
  onBack: () => void;
  contactOpen: boolean;
  onToggleContact: () => void;
}

const READ_MARKER_DELAY_MILLISECONDS = 500;

// The officer has read what is on screen once the page is in front; a new message while reading is read too.
function useReadMarker(conversationId: string, messages: Message[] | undefined): void {
  const queryClient = useQueryClient();
  const newestInbound = messages?.filter((message) => message.type === 'inbound').at(-1)?.id;
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (!newestInbound || !visible) return;
    // A beneficiary writing several messages in a row is read once they pause, not once per message.
    const timer = setTimeout(() => {
      void api.POST('/api/v1/conversations/{id}/read', { params: { path: { id: conversationId } } }).then(({ response }) => {
        if (!response.ok) return;
        queryClient.setQueriesData<InfiniteData<ConversationPage>>({ queryKey: ['conversations'] }, (pages) =>
          markReadInPages(pages, conversationId),
        );
        void queryClient.invalidateQueries({ queryKey: ['unread'] });
      });
    }, READ_MARKER_DELAY_MILLISECONDS);
    return () => clearTimeout(timer);
  }, [conversationId, newestInbound, visible, queryClient]);
}

export function ConversationPane({
  conversationId,
  command,
  session,
  showBack,
  onBack,
  contactOpen,
  onToggleContact,
}: ConversationPaneProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const directory = useDirectory();
  const path = { params: { path: { id: conversationId } } };
  const conversation = useQuery({
    queryKey: ['conversation', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', path)),
  });
  const messages = useQuery({
    queryKey: ['messages', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/messages', path)),
  });
  const events = useQuery({
    queryKey: ['events', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/events', path)),
  });
  const calls = useQuery({
    queryKey: ['calls', conversationId],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}/calls', path)),
  });
  useReadMarker(conversationId, messages.data?.items);

  const update = useMutation({
    mutationFn: (body: { assigneeId?: string; status?: Conversation['status'] }) =>
      unwrap(api.PATCH('/api/v1/conversations/{id}', { ...path, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData<Conversation>(['conversation', conversationId], (previous) => ({
        ...updated,
        contact: previous?.contact ?? updated.contact,
      }));
      void queryClient.invalidateQueries({ queryKey: ['events', conversationId] });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
    },
  });

  // Commands given before this conversation was opened belong to the previous one.
  const handledCommand = useRef(command?.sequence ?? 0);
  const [composerCommand, setComposerCommand] = useState<PaneCommand | null>(null);
  const [actionsOpen, setActionsOpen] = useState(false);
  const status = conversation.data?.status;
  useEffect(() => {
    if (!command || command.sequence <= handledCommand.current) return;
    handledCommand.current = command.sequence;
    if (command.action !== 'resolve') setComposerCommand(command);
    else if (status === 'open' || status === 'pending') update.mutate({ status: 'resolved' });
  }, [command, status, update]);

  const timelineEnd = useRef<HTMLDivElement>(null);
  const entries = buildTimeline(messages.data?.items ?? [], events.data ?? [], calls.data?.items ?? []);
  useEffect(() => {
    timelineEnd.current?.scrollIntoView({ block: 'end' });
  }, [entries.length]);

  if (conversation.isPending) return <Loader m="xl" />;
  if (conversation.isError) {
    const missing = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <Alert color="red" m="md">
        {missing ? t('conversation.notFound') : t('inbox.loadFailed')}
      </Alert>
    );
  }
  const current = conversation.data;
  const name = current.contact.name ?? current.contact.phone ?? t('inbox.unnamed');
  const open = current.status === 'open' || current.status === 'pending';
  const assignedToMe = current.assigneeId === session.user.id;
  const number = formatInteger(current.number, i18n.language as UiLanguage);

  return (
    <section className="conversation-pane" aria-label={t('inbox.number', { number })}>
      <header className="conversation-header">
        <Group gap="xs" wrap="nowrap" className="conversation-title">
          {showBack && (
            <ActionIcon variant="subtle" onClick={onBack} aria-label={t('conversation.back')}>
              <svg className="mirror-in-rtl" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </ActionIcon>
          )}
          <ChannelIcon channel={current.channel} size={20} />
          <div>
            <Text fw={600} component="h2" className="conversation-name">
              <bdi>{name}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              {t('inbox.number', { number })}
              {current.contact.phone && (
                <>
                  {' · '}
                  <bdi dir="ltr">{current.contact.phone}</bdi>
                </>
              )}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          <span className={`status-badge status-${current.status}`}>{t(`status.${current.status}`)}</span>
          {assignedToMe ? (
            <Badge variant="outline">{t('conversation.assignedToMe')}</Badge>
          ) : (
            current.assigneeId && (
              <Badge variant="outline">
                {t('conversation.assignedToOther', { name: nameOf(directory, current.assigneeId) ?? t('conversation.officer') })}
              </Badge>
            )
          )}
          {!assignedToMe && (
            <Button
              size="compact-sm"
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate({ assigneeId: session.user.id })}
            >
              {t('conversation.assignToMe')}
            </Button>
          )}
          {showBack && (
            <Button size="compact-sm" variant="default" aria-expanded={actionsOpen} onClick={() => setActionsOpen((open) => !open)}>
              {t('actions.title')}
            </Button>
          )}
          <Button size="compact-sm" variant={contactOpen ? 'filled' : 'default'} aria-pressed={contactOpen} onClick={onToggleContact}>
            {t('contact.open')}
          </Button>
          {(session.user.role === 'officer' || session.user.role === 'supervisor') && <OpenRequestButton conversationId={conversationId} />}
          {(session.user.role === 'officer' || session.user.role === 'supervisor') && (
            <CaptureFeedbackButton conversationId={conversationId} />
          )}
          {open ? (
            <Button size="compact-sm" color="teal" loading={update.isPending} onClick={() => update.mutate({ status: 'resolved' })}>
              {t('conversation.resolve')}
            </Button>
          ) : (
            <Button size="compact-sm" variant="default" loading={update.isPending} onClick={() => update.mutate({ status: 'open' })}>
              {t('conversation.reopen')}
            </Button>
          )}
        </Group>
      </header>
      {/* On a phone the pickers fold away, so the timeline keeps the screen. */}
      {(!showBack || actionsOpen) && <ConversationActions conversation={current} />}
      {/* Focusable, so the timeline scrolls from the keyboard too. */}
      <div className="timeline-scroll" tabIndex={0} role="region" aria-label={t('conversation.timeline')}>
        <Timeline entries={entries} currentUser={session.user} conversationId={conversationId} />
        <div ref={timelineEnd} />
      </div>
      <ReplyWindow conversationId={conversationId} />
      <Composer conversationId={conversationId} channel={current.channel} command={composerCommand} />
    </section>
  );
}
