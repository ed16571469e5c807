import { Anchor, Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, attachmentUrl, Call, ConversationEvent, Message, unwrap } from '../api/api-client';
import { upsertMessage } from '../realtime/message-cache.util';
import { formatDualCalendar, formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { nameOf, teamNameOf, useDirectory } from '../shared/use-directory';
import { callSummaryKey, TimelineEntry } from './timeline.util';

// Delivery of a reply, as a tick mark with its name for screen readers and on hover.
const DELIVERY_MARKS: Record<string, string> = { queued: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

interface StoredAttachment {
  contentType?: string;
  fileName?: string;
}

function DeliveryStatus({ message }: { message: Message }) {
  const { t } = useTranslation();
  if (!message.status) return null;
  const label = t(`delivery.${message.status}`);
  return (
    <span className={`delivery delivery-${message.status}`} title={label} aria-label={label} role="img">
      {DELIVERY_MARKS[message.status] ?? ''}
    </span>
  );
}

// Images are shown, voicemail is played, anything else is a download; all through the staff download, audited.
function Attachments({ conversationId, message }: { conversationId: string; message: Message }) {
  const { t } = useTranslation();
  const attachments = message.attachments as StoredAttachment[];
  if (attachments.length === 0) return null;
  return (
    <div className="message-attachments">
      {attachments.map((attachment, index) => {
        const url = attachmentUrl(conversationId, message.id, index);
        const name = attachment.fileName ?? t('attachments.file', { number: index + 1 });
        const type = attachment.contentType ?? '';
        if (type.startsWith('image/')) {
          return (
            <a key={index} href={url} target="_blank" rel="noreferrer" className="attachment-image">
              <img src={url} alt={name} loading="lazy" />
            </a>
          );
        }
        if (type.startsWith('audio/')) {
          return (
            <figure key={index} className="attachment-audio">
              <audio controls preload="none" src={url} aria-label={t('attachments.voicemail')} />
              <figcaption>
                <Anchor href={url} download={name} size="xs">
                  {t('attachments.download')}
                </Anchor>
              </figcaption>
            </figure>
          );
        }
        return (
          <Anchor key={index} href={url} download={name} className="attachment-file" size="sm">
            <bdi>{name}</bdi>
          </Anchor>
        );
      })}
    </div>
  );
}

// A failed reply says why and can be sent again; the server queues it once however often this is clicked.
function FailedReply({ conversationId, message }: { conversationId: string; message: Message }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/messages/{messageId}/retry', {
          params: { path: { id: conversationId, messageId: message.id } },
        }),
      ),
    onSuccess: (queued) =>
      queryClient.setQueryData<{ items: Message[] }>(['messages', conversationId], (list) => upsertMessage(list, queued)),
    // Already queued again (another click, a colleague): the live update shows it.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: ['messages', conversationId] });
    },
  });
  return (
    <div className="failed-reply" role="alert">
      <Text size="xs" c="red.9">
        {t('conversation.failedBecause', { reason: message.failureReason ?? message.failureCode ?? '' })}
      </Text>
      <Button size="compact-xs" variant="outline" color="red.9" loading={retry.isPending} onClick={() => retry.mutate()}>
        {t('conversation.retry')}
      </Button>
    </div>
  );
}

// Memoised: a live message re-renders the timeline, and only the new or changed bubble needs drawing again.
const MessageBubble = memo(function MessageBubble({
  message,
  currentUserId,
  conversationId,
}: {
  message: Message;
  currentUserId: string;
  conversationId: string;
}) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const language = i18n.language as UiLanguage;
  const { time } = formatDualCalendar(message.createdAt, language);
  // Wasl's automatic messages (a support request's notices) are said to be automatic, never an officer's.
  const author =
    message.type === 'inbound'
      ? t('conversation.beneficiary')
      : message.senderUserId === currentUserId
        ? t('conversation.you')
        : // An outbound message no officer wrote is Wasl's own (web chat's automatic answer, a request's notice).
          message.type === 'outbound' && !message.senderUserId
          ? t('conversation.automatic')
          : (nameOf(directory, message.senderUserId) ?? t('conversation.officer'));
  return (
    <article className={`message message-${message.type}`} data-message-id={message.id} data-message-type={message.type}>
      {message.type === 'note' && <span className="note-label">{t('conversation.note')}</span>}
      {/* Text that came from outside is only ever a text node: React escapes it, nothing renders it as HTML. */}
      {message.text && (
        <p className="message-text" dir="auto">
          {message.text}
        </p>
      )}
      <Attachments conversationId={conversationId} message={message} />
      <footer className="message-meta">
        <bdi>{author}</bdi>
        <time dateTime={message.createdAt} title={formatDualCalendarLine(message.createdAt, language)}>
          {time}
        </time>
        <DeliveryStatus message={message} />
      </footer>
      {message.status === 'failed' && <FailedReply conversationId={conversationId} message={message} />}
    </article>
  );
});

function CallLine({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const language = i18n.language as UiLanguage;
  const { key, minutes } = callSummaryKey(call);
  const by = nameOf(directory, call.loggedByUserId);
  return (
    <div className="timeline-call" data-call-direction={call.direction} data-call-status={call.status}>
      <p>
        <bdi>
          {t(key, { defaultValue: call.status })}
          {minutes !== null && ` · ${t('calls.minutes', { minutes: formatInteger(minutes, language) })}`}
          {by && ` · ${by}`}
        </bdi>
        <time dateTime={call.startedAt} title={formatDualCalendarLine(call.startedAt, language)}>
          {formatDualCalendar(call.startedAt, language).time}
        </time>
      </p>
      {call.notes && (
        <p className="call-notes" dir="auto">
          {call.notes}
        </p>
      )}
    </div>
  );
}

function EventLine({ event, currentUser }: { event: ConversationEvent; currentUser: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const language = i18n.language as UiLanguage;
  const details = (event.details ?? {}) as Record<string, unknown>;
  const to = typeof details.to === 'string' ? details.to : '';
  const status = event.type === 'status_changed' ? t(`status.${to}`, { defaultValue: to }) : '';
  const priority = event.type === 'priority_changed' ? t(`priority.${to}`, { defaultValue: to }) : '';
  const labels = event.type === 'labels_changed' && Array.isArray(details.to) ? (details.to as string[]).join('، ') : '';
  const name =
    event.type === 'team_changed'
      ? (teamNameOf(directory, to) ?? '')
      : to === currentUser.id
        ? currentUser.name
        : (nameOf(directory, to) ?? t('conversation.officer'));
  const key = event.type === 'labels_changed' && !labels ? 'events.labels_cleared' : `events.${event.type}`;
  return (
    <p className="timeline-event" data-event-type={event.type}>
      <bdi>{t(key, { status, name, priority, labels })}</bdi>
      <time dateTime={event.createdAt} title={formatDualCalendarLine(event.createdAt, language)}>
        {formatDualCalendar(event.createdAt, language).time}
      </time>
    </p>
  );
}

// Day separators name each day in both calendars.
function DaySeparator({ at }: { at: string }) {
  const { i18n } = useTranslation();
  const { gregorian, hijri } = formatDualCalendar(at, i18n.language as UiLanguage);
  return (
    <p className="day-separator">
      <span>
        {gregorian} · {hijri}
      </span>
    </p>
  );
}

function keyOf(entry: TimelineEntry): string {
  return entry.kind === 'message' ? entry.message.id : entry.kind === 'event' ? entry.event.id : entry.call.id;
}

export function Timeline({
  entries,
  currentUser,
  conversationId,
}: {
  entries: TimelineEntry[];
  currentUser: { id: string; name: string };
  conversationId: string;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  let previousDay = '';
  return (
    <div className="timeline">
      {entries.map((entry) => {
        const day = formatDualCalendar(entry.at, language).gregorian;
        const separator = day !== previousDay ? <DaySeparator at={entry.at} /> : null;
        previousDay = day;
        return (
          <div key={keyOf(entry)} className="timeline-entry">
            {separator}
            {entry.kind === 'message' && (
              <MessageBubble message={entry.message} currentUserId={currentUser.id} conversationId={conversationId} />
            )}
            {entry.kind === 'event' && <EventLine event={entry.event} currentUser={currentUser} />}
            {entry.kind === 'call' && <CallLine call={entry.call} />}
          </div>
        );
      })}
    </div>
  );
}
