import { AttachmentMetadata } from '@app/channels';
import { normaliseText } from '@app/common';
import { DeliveryStatus, InboundIntakeService } from '@app/conversations';
import { RealtimePublisher } from '@app/realtime';
import {
  WEBCHAT_NAMESPACE,
  WebChatAck,
  WebChatEvent,
  WebChatMessagePayload,
  WebChatRefusalCode,
  WebChatSessionPayload,
  WebChatVerificationRequested,
} from '@app/wire';
import { Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { WebChatAttachmentsService } from './webchat-attachments.service';
import { WebChatAutoReplyService } from './webchat-auto-reply.service';
import { WebChatPhoneVerificationService } from './webchat-phone-verification.service';
import {
  WEBCHAT_CONNECTION_LIMIT,
  WEBCHAT_MESSAGE_LIMIT,
  WEBCHAT_NEW_VISITOR_LIMIT,
  WEBCHAT_READ_LIMIT,
  WebChatRateLimiter,
} from './webchat-rate-limiter.service';
import { WebChatRefusal } from './webchat-refusal.exception';
import { VisitorSession, WebChatSessionService } from './webchat-session.service';

const MAX_TEXT_LENGTH = 5_000;
// Every visitor socket of an inbox, so its secret's rotation, its disabling or its deletion lets them all go at once.
function inboxVisitorsRoom(inboxId: string): string {
  return `webchat-inbox:${inboxId}`;
}
const MAX_ATTACHMENTS_PER_MESSAGE = 5;
// Typing notices are hints; one per second per socket is plenty for the officer's "typing…" line.
const TYPING_INTERVAL_MILLISECONDS = 1_000;

function refusalOf(error: unknown): WebChatRefusal {
  return error instanceof WebChatRefusal
    ? error
    : new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'The request could not be handled');
}

// Beneficiaries' browsers. The handshake (auth: inboxId, visitorToken | profile | identifier+identifierHash) is
// checked in namespace middleware, so a refused visitor gets `connect_error` and never joins a room.
@WebSocketGateway({ namespace: WEBCHAT_NAMESPACE, cors: { origin: true, credentials: false } })
export class WebChatGateway implements OnGatewayInit<Namespace>, OnGatewayConnection {
  private readonly logger = new Logger(WebChatGateway.name);
  private namespace: Namespace;

  constructor(
    private readonly sessions: WebChatSessionService,
    private readonly intake: InboundIntakeService,
    private readonly rateLimiter: WebChatRateLimiter,
    private readonly autoReplies: WebChatAutoReplyService,
    private readonly attachments: WebChatAttachmentsService,
    private readonly verification: WebChatPhoneVerificationService,
    private readonly realtime: RealtimePublisher,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const refusal = refusalOf(error);
          if (!(error instanceof WebChatRefusal)) this.logger.error(`Web-chat handshake failed: ${(error as Error).stack}`);
          next(Object.assign(new Error(refusal.message), { data: refusal.toJSON() }));
        },
      );
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const session = socket.data.session as VisitorSession | undefined;
    if (!session) return;
    await socket.join([session.room, inboxVisitorsRoom(session.inbox.id)]);
    const announced: WebChatSessionPayload = {
      visitorToken: session.visitorToken,
      contactId: session.contactId,
      conversationId: await this.sessions.currentConversationId(session),
    };
    socket.emit(WebChatEvent.Session, announced);
  }

  // On every gateway (through the Redis adapter). The widget reconnects; with a rotated secret its token is refused
  // and the visitor starts again from the pre-chat form, with a disabled or deleted inbox it is refused.
  endInboxSessions(inboxId: string): void {
    this.namespace?.in(inboxVisitorsRoom(inboxId)).disconnectSockets(true);
  }

  @SubscribeMessage(WebChatEvent.MessageSend)
  async send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WebChatAck<{ id: string }>> {
    const session = socket.data.session as VisitorSession;
    try {
      const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const clientMessageId = typeof input.clientMessageId === 'string' ? input.clientMessageId.trim() : '';
      const text = typeof input.text === 'string' ? normaliseText(input.text).trim() : '';
      const attachmentInput = Array.isArray(input.attachments) ? input.attachments : [];
      const problems: Array<{ field: string; message: string }> = [];
      if (!/^[\w-]{1,100}$/.test(clientMessageId))
        problems.push({ field: 'clientMessageId', message: 'must be 1 to 100 letters, digits, - or _' });
      if (text.length > MAX_TEXT_LENGTH) problems.push({ field: 'text', message: `must be at most ${MAX_TEXT_LENGTH} characters` });
      if (attachmentInput.length > MAX_ATTACHMENTS_PER_MESSAGE) problems.push({ field: 'attachments', message: 'too many attachments' });
      if (!text && attachmentInput.length === 0) problems.push({ field: 'text', message: 'must not be empty' });
      if (problems.length > 0) throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'The message has invalid fields', problems);
      if (!(await this.rateLimiter.allows(`message:${session.visitorKey}`, WEBCHAT_MESSAGE_LIMIT))) {
        throw new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many messages; wait a moment');
      }
      const attachments: AttachmentMetadata[] = await this.attachments.resolve(session, attachmentInput);
      // The first message makes the visitor's contact (with the pre-chat claims) before the worker looks it up.
      await this.sessions.ensureContact(session);

      // Scoped by the visitor, so a repeated clientMessageId is stored once and another visitor's never collides.
      const accepted = await this.intake.accept(session.inbox, {
        providerMessageId: `${session.visitorKey}:${clientMessageId}`,
        sender: { externalId: session.token.externalId },
        text,
        attachments,
      });
      if (!accepted.duplicate) {
        // The visitor's other tabs and devices show the message at once; the officers see it once the worker applies it.
        const payload: WebChatMessagePayload = {
          id: accepted.messageId,
          text,
          sender: 'visitor',
          createdAt: new Date().toISOString(),
          ...(attachments.length > 0 ? { attachments } : {}),
        };
        socket.to(session.room).emit(WebChatEvent.MessageNew, this.attachments.withSignedUrls(session.signingSecret, payload));
        void this.autoReplies
          .answerIfOffline(session, this.namespace, accepted.inboundEventId, socket.handshake.auth?.locale === 'en' ? 'en' : 'ar')
          .catch((error: Error) => this.logger.warn(`Auto-reply failed: ${error.message}`));
      }
      return { id: accepted.messageId };
    } catch (error) {
      if (!(error instanceof WebChatRefusal)) this.logger.error(`message:send failed: ${(error as Error).stack}`);
      return { error: refusalOf(error).toJSON() };
    }
  }

  @SubscribeMessage(WebChatEvent.History)
  async history(@ConnectedSocket() socket: Socket): Promise<WebChatAck<WebChatMessagePayload[]>> {
    try {
      const session = socket.data.session as VisitorSession;
      if (!(await this.rateLimiter.allows(`read:${session.visitorKey}`, WEBCHAT_READ_LIMIT))) {
        throw new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many requests; wait a moment');
      }
      // Attachment links are minted for this request and expire within minutes; rows keep bare paths.
      const history = await this.sessions.history(session);
      return history.map((payload) => this.attachments.withSignedUrls(session.signingSecret, payload));
    } catch (error) {
      this.logger.error(`history failed: ${(error as Error).stack}`);
      return { error: refusalOf(error).toJSON() };
    }
  }

  // The visitor is typing: shown to the officers of the organisation on /agents (event `webchat.typing`).
  @SubscribeMessage(WebChatEvent.Typing)
  async typing(@ConnectedSocket() socket: Socket): Promise<void> {
    const session = socket.data.session as VisitorSession;
    const now = Date.now();
    if (now - ((socket.data.lastTypingAt as number | undefined) ?? 0) < TYPING_INTERVAL_MILLISECONDS) return;
    socket.data.lastTypingAt = now;
    const conversationId = await this.sessions.currentConversationId(session);
    // Only to those who may see the inbox's conversations (an assignee outside it sees the conversation's own events).
    this.realtime.toInboxReaders(session.inbox.organisationId, session.inbox.id, 'webchat.typing', {
      inboxId: session.inbox.id,
      contactId: session.contactId,
      conversationId: conversationId ?? null,
    });
  }

  // The browser reports agent replies as delivered (received) or read (seen with the panel open).
  @SubscribeMessage(WebChatEvent.MessageStatus)
  async status(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WebChatAck<{ updated: number }>> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const ids = Array.isArray(input.ids) ? input.ids.filter((id): id is string => typeof id === 'string' && isUUID(id)) : [];
    const status = input.status === 'read' ? DeliveryStatus.Read : input.status === 'delivered' ? DeliveryStatus.Delivered : undefined;
    if (!status || ids.length === 0 || ids.length > 200) {
      return { error: new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'Send ids and a status of delivered or read').toJSON() };
    }
    const session = socket.data.session as VisitorSession;
    if (!(await this.rateLimiter.allows(`read:${session.visitorKey}`, WEBCHAT_READ_LIMIT))) {
      return { error: new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many requests; wait a moment').toJSON() };
    }
    try {
      return { updated: await this.sessions.recordVisitorStatus(session, ids, status) };
    } catch (error) {
      // A database hiccup still answers the browser, which would otherwise wait for its ack until it times out.
      this.logger.error(`message:status failed: ${(error as Error).stack}`);
      return { error: refusalOf(error).toJSON() };
    }
  }

  // The visitor asks for a code by SMS to the number they typed (or `phone`), to prove it is theirs.
  @SubscribeMessage(WebChatEvent.VerificationRequest)
  async requestVerification(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<WebChatAck<WebChatVerificationRequested>> {
    try {
      const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      return await this.verification.requestCode(socket.data.session as VisitorSession, input);
    } catch (error) {
      if (!(error instanceof WebChatRefusal)) this.logger.error(`verification:request failed: ${(error as Error).stack}`);
      return { error: refusalOf(error).toJSON() };
    }
  }

  // The right code makes the number the visitor's identity: this socket moves to the verified contact's room and
  // receives a new session (its token now sees the contact's whole history).
  @SubscribeMessage(WebChatEvent.VerificationConfirm)
  async confirmVerification(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<WebChatAck<WebChatSessionPayload>> {
    try {
      const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const previous = socket.data.session as VisitorSession;
      const session = await this.verification.confirmCode(previous, input);
      socket.data.session = session;
      if (session.room !== previous.room) {
        await socket.leave(previous.room);
        await socket.join(session.room);
      }
      const announced: WebChatSessionPayload = {
        visitorToken: session.visitorToken,
        contactId: session.contactId,
        conversationId: await this.sessions.currentConversationId(session),
      };
      socket.emit(WebChatEvent.Session, announced);
      return announced;
    } catch (error) {
      if (!(error instanceof WebChatRefusal)) this.logger.error(`verification:confirm failed: ${(error as Error).stack}`);
      return { error: refusalOf(error).toJSON() };
    }
  }

  private async authenticate(socket: Socket): Promise<void> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    // A returning visitor is counted by its token (its signature part), a new one by its address.
    const returning = typeof auth.visitorToken === 'string' && auth.visitorToken.length > 43;
    const subject = returning ? `visitor:${(auth.visitorToken as string).slice(-43)}` : `address:${socket.handshake.address}`;
    // PostgreSQL reads a UUID in any letter case, so the bucket must too, or changing case would reset the count.
    const inboxKey = typeof auth.inboxId === 'string' && isUUID(auth.inboxId.trim()) ? auth.inboxId.trim().toLowerCase() : 'invalid';
    if (
      !(await this.rateLimiter.allows(`connect:${inboxKey}:${subject}`, returning ? WEBCHAT_CONNECTION_LIMIT : WEBCHAT_NEW_VISITOR_LIMIT))
    ) {
      throw new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many connections; wait a moment');
    }
    socket.data.session = await this.sessions.open({
      inboxId: auth.inboxId,
      origin: socket.handshake.headers.origin,
      host: socket.handshake.headers.host,
      visitorToken: auth.visitorToken,
      identifier: auth.identifier,
      identifierHash: auth.identifierHash,
      profile: auth.profile,
    });
  }
}
