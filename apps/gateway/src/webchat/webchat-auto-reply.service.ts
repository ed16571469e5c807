import { isWithinWorkingHours } from '@app/channels';
import { organisationRoom } from '@app/realtime';
import { AGENTS_NAMESPACE, WebChatEvent, WebChatMessagePayload } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import { WebChatRateLimiter } from './webchat-rate-limiter.service';
import { VisitorSession } from './webchat-session.service';

// One automatic answer an hour per visitor: enough to set expectations without talking over the beneficiary.
const AUTO_REPLY_EVERY_MILLISECONDS = 3_600_000;

export type OfflineReason = 'outside_working_hours' | 'no_officer_online';
export type WidgetLocale = 'ar' | 'en';

// In the widget's language; an administrator's own offlineMessage is shown as written, whatever the language.
export function offlineReplyText(session: VisitorSession, reason: OfflineReason, locale: WidgetLocale = 'ar'): string {
  if (session.settings.offlineMessage) return session.settings.offlineMessage;
  const name = session.inbox.name;
  const hours = session.settings.workingHours;
  if (locale === 'en') {
    return reason === 'outside_working_hours' && hours
      ? `Thank you for contacting ${name}. We are outside working hours now (${hours.from} to ${hours.to}); a beneficiary relations officer will answer you at the start of the next working period. You can leave your mobile number here so that we can reach you.`
      : `Thank you for contacting ${name}. No beneficiary relations officer is online right now; we will answer you as soon as we can during working hours. You can leave your mobile number here so that we can reach you.`;
  }
  if (reason === 'outside_working_hours' && hours) {
    return `شكرًا لتواصلك مع ${name}. نحن الآن خارج أوقات العمل (من ${hours.from} إلى ${hours.to})، وسيرد عليك موظف علاقات المستفيدين في أول وقت عمل. يمكنك ترك رقم جوالك هنا لنتواصل معك.`;
  }
  return `شكرًا لتواصلك مع ${name}. لا يوجد موظف علاقات مستفيدين متصل الآن، وسنرد عليك في أقرب وقت خلال أوقات العمل. يمكنك ترك رقم جوالك هنا لنتواصل معك.`;
}

// When no officer is connected, or outside the inbox's working hours, the visitor is told when to expect an
// answer. The notice is shown in the widget only, not stored: the conversation holds what people wrote.
@Injectable()
export class WebChatAutoReplyService {
  constructor(private readonly rateLimiter: WebChatRateLimiter) {}

  async offlineReason(session: VisitorSession, namespace: Namespace, now = new Date()): Promise<OfflineReason | undefined> {
    const hours = session.settings.workingHours;
    if (hours && !isWithinWorkingHours(hours, now)) return 'outside_working_hours';
    // Asks every gateway instance through the Redis adapter, so an officer on another instance counts.
    const officers = await namespace.server.of(AGENTS_NAMESPACE).in(organisationRoom(session.inbox.organisationId)).fetchSockets();
    return officers.length === 0 ? 'no_officer_online' : undefined;
  }

  async answerIfOffline(session: VisitorSession, namespace: Namespace, locale: WidgetLocale = 'ar'): Promise<boolean> {
    const reason = await this.offlineReason(session, namespace);
    if (!reason || !(await this.rateLimiter.firstIn(`auto-reply:${session.room}`, AUTO_REPLY_EVERY_MILLISECONDS))) return false;
    const payload: WebChatMessagePayload = {
      id: `auto-${randomUUID()}`,
      text: offlineReplyText(session, reason, locale),
      sender: 'agent',
      agentName: session.inbox.name,
      createdAt: new Date().toISOString(),
      automatic: true,
    };
    namespace.to(session.room).emit(WebChatEvent.MessageNew, payload);
    return true;
  }
}
