import { isWithinWorkingHours, OfflineReason, offlineReplyText, WidgetLocale } from '@app/channels';
import { JobName, JobQueue } from '@app/queue';
import { organisationRoom } from '@app/realtime';
import { AGENTS_NAMESPACE, WebChatEvent, WebChatMessagePayload } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Namespace } from 'socket.io';
import { WebChatRateLimiter } from './webchat-rate-limiter.service';
import { VisitorSession } from './webchat-session.service';

// One automatic answer an hour per visitor: enough to set expectations without talking over the beneficiary.
const AUTO_REPLY_EVERY_MILLISECONDS = 3_600_000;

// When no officer is connected, or outside the inbox's working hours, the visitor is told when to expect an
// answer: shown in the widget at once, and stored on their conversation by the worker once their message is applied
// (AutomaticReplyService), under the same id, so a reload shows it once and officers see what was said.
@Injectable()
export class WebChatAutoReplyService {
  private readonly logger = new Logger(WebChatAutoReplyService.name);

  constructor(
    private readonly rateLimiter: WebChatRateLimiter,
    private readonly jobs: JobQueue,
  ) {}

  async offlineReason(session: VisitorSession, namespace: Namespace, now = new Date()): Promise<OfflineReason | undefined> {
    const hours = session.settings.workingHours;
    if (hours && !isWithinWorkingHours(hours, now)) return 'outside_working_hours';
    // Asks every gateway instance through the Redis adapter, so an officer on another instance counts.
    const officers = await namespace.server.of(AGENTS_NAMESPACE).in(organisationRoom(session.inbox.organisationId)).fetchSockets();
    return officers.length === 0 ? 'no_officer_online' : undefined;
  }

  async answerIfOffline(
    session: VisitorSession,
    namespace: Namespace,
    inboundEventId: number,
    locale: WidgetLocale = 'ar',
  ): Promise<boolean> {
    const reason = await this.offlineReason(session, namespace);
    if (!reason || !(await this.rateLimiter.firstIn(`auto-reply:${session.room}`, AUTO_REPLY_EVERY_MILLISECONDS))) return false;
    const messageId = randomUUID();
    const shownAt = new Date().toISOString();
    const payload: WebChatMessagePayload = {
      id: messageId,
      text: offlineReplyText(session.inbox.name, session.settings, reason, locale),
      sender: 'agent',
      agentName: session.inbox.name,
      createdAt: shownAt,
      automatic: true,
    };
    namespace.to(session.room).emit(WebChatEvent.MessageNew, payload);
    const job = { organisationId: session.inbox.organisationId, inboundEventId, messageId, reason, locale, shownAt };
    // Shown is what matters to the visitor; a queue write that fails now leaves the answer unrecorded, not unsaid.
    await this.jobs
      .enqueue(JobName.RecordAutomaticReply, job)
      .catch((error: Error) => this.logger.warn(`Automatic reply ${messageId} shown but not recorded: ${error.message}`));
    return true;
  }
}
