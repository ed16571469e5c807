import { ActionIcon, Alert, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, Conversation, unwrap } from '../api/api-client';
import { Session } from '../session/session-store';
import { ChannelIcon } from '../shared/channel-icon';
import { PaneCommand } from '../shared/keyboard-shortcut.util';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
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
}

export function ConversationPane({ conversationId, command, session, showBack, onBack }: ConversationPaneProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
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
  const status = conversation.data?.status;
  useEffect(() => {
    if (!command || command.sequence <= handledCommand.current) return;
    handledCommand.current = command.sequence;
    if (command.action !== 'resolve') setComposerCommand(command);
    else if (status === 'open' || status === 'pending') update.mutate({ status: 'resolved' });
  }, [command, status, update]);

  const timelineEnd = useRef<HTMLDivElement>(null);
  const entries = buildTimeline(messages.data?.items ?? [], events.data ?? []);
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
            // Officers may not list users, so a colleague is named by role.
            current.assigneeId && <Badge variant="outline">{t('conversation.assignedToOther', { name: t('conversation.officer') })}</Badge>
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
      <div className="timeline-scroll">
        <Timeline entries={entries} currentUser={session.user} />
        <div ref={timelineEnd} />
      </div>
      <ReplyWindow conversationId={conversationId} />
      <Composer conversationId={conversationId} command={composerCommand} />
    </section>
  );
}
