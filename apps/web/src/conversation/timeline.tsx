import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationEvent, Message } from '../api/api-client';
import { formatDualCalendar, formatDualCalendarLine, UiLanguage } from '../shared/date-format.util';
import { TimelineEntry } from './timeline.util';

// Delivery of a reply, as a tick mark with its name for screen readers and on hover.
const DELIVERY_MARKS: Record<string, string> = { queued: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

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

function MessageBubble({ message, currentUserId }: { message: Message; currentUserId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const { time } = formatDualCalendar(message.createdAt, language);
  // Wasl's automatic messages (a support request's notices) are said to be automatic, never an officer's.
  const author =
    message.type === 'inbound'
      ? t('conversation.beneficiary')
      : message.sender === 'system'
        ? t('conversation.automatic')
        : message.senderUserId === currentUserId
          ? t('conversation.you')
          : t('conversation.officer');
  return (
    <article className={`message message-${message.type}`} data-message-id={message.id} data-message-type={message.type}>
      {message.type === 'note' && <span className="note-label">{t('conversation.note')}</span>}
      {/* Text that came from outside is only ever a text node: React escapes it, nothing renders it as HTML. */}
      <p className="message-text" dir="auto">
        {message.text}
      </p>
      <footer className="message-meta">
        <span>{author}</span>
        <time dateTime={message.createdAt} title={formatDualCalendarLine(message.createdAt, language)}>
          {time}
        </time>
        <DeliveryStatus message={message} />
      </footer>
      {message.status === 'failed' && (
        <Text size="xs" c="red" role="alert">
          {t('conversation.failedBecause', { reason: message.failureReason ?? message.failureCode ?? '' })}
        </Text>
      )}
    </article>
  );
}

function EventLine({ event, currentUser }: { event: ConversationEvent; currentUser: { id: string; name: string } }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const details = (event.details ?? {}) as Record<string, unknown>;
  const status =
    event.type === 'status_changed' && typeof details.to === 'string' ? t(`status.${details.to}`, { defaultValue: details.to }) : '';
  // Officers may not list users, so only their own name is known here.
  const name = details.to === currentUser.id ? currentUser.name : t('conversation.officer');
  return (
    <p className="timeline-event" data-event-type={event.type}>
      <bdi>{t(`events.${event.type}`, { status, name })}</bdi>
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

export function Timeline({ entries, currentUser }: { entries: TimelineEntry[]; currentUser: { id: string; name: string } }) {
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
          <div key={entry.kind === 'message' ? entry.message.id : entry.event.id} className="timeline-entry">
            {separator}
            {entry.kind === 'message' ? (
              <MessageBubble message={entry.message} currentUserId={currentUser.id} />
            ) : (
              <EventLine event={entry.event} currentUser={currentUser} />
            )}
          </div>
        );
      })}
    </div>
  );
}
