import { AuditAction, AuditService } from '@app/audit';
import { ChannelError, ChannelKind } from '@app/channels';
import { WaslConfig } from '@app/config';
import { ContactsService, normalisePhoneNumber } from '@app/contacts';
import { ContactMergeService, OutboundAdapterFactory } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { InboxesService } from '@app/inboxes';
import { InjectRedis } from '@app/queue';
import { WebChatRefusalCode, WebChatVerificationRequested } from '@app/wire';
import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { RateLimit, WebChatRateLimiter } from './webchat-rate-limiter.service';
import { WebChatRefusal } from './webchat-refusal.exception';
import { VisitorSession, WebChatSessionService } from './webchat-session.service';

const CODE_LIFETIME_MILLISECONDS = 10 * 60_000;
// Six digits and five tries: a guesser's chance per code is 1 in 200,000.
const MAX_ATTEMPTS = 5;
// A visitor may ask again if the SMS is late; a number cannot be flooded with codes by many visitors.
const CODES_PER_VISITOR: RateLimit = { limit: 3, windowMilliseconds: 15 * 60_000 };
const CODES_PER_NUMBER: RateLimit = { limit: 5, windowMilliseconds: 60 * 60_000 };

function maskedPhone(phone: string): string {
  return `${phone.slice(0, 5)}${'•'.repeat(Math.max(phone.length - 8, 0))}${phone.slice(-3)}`;
}

// A web-chat visitor proves that a mobile number is theirs: a one-time code goes by SMS from the inbox's
// verification SMS inbox, and entering it makes the number an identity of the visitor's contact; if it already
// identifies someone, the visitor is that person and joins their contact. The code lives only in Redis, as an HMAC.
@Injectable()
export class WebChatPhoneVerificationService {
  private readonly logger = new Logger(WebChatPhoneVerificationService.name);
  private readonly prefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: WaslConfig,
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly merges: ContactMergeService,
    private readonly transactions: TransactionRunner,
    private readonly rateLimiter: WebChatRateLimiter,
    private readonly sessions: WebChatSessionService,
    private readonly audit: AuditService,
    private readonly adapters: OutboundAdapterFactory,
  ) {
    this.prefix = `${config.redis.queuePrefix}:webchat-verification`;
  }

  async requestCode(session: VisitorSession, input: Record<string, unknown>): Promise<WebChatVerificationRequested> {
    const smsInboxId = session.settings.phoneVerification?.smsInboxId;
    if (!smsInboxId) {
      throw new WebChatRefusal(WebChatRefusalCode.VerificationUnavailable, 'This chat does not verify mobile numbers');
    }
    // Verifying attaches the number to the visitor's contact, so a visitor who has not written yet gets one now.
    await this.sessions.ensureContact(session);
    const phone = await this.phoneToVerify(session, input.phone);
    const numberKey = createHash('sha256').update(`${session.inbox.organisationId}|${phone}`).digest('hex').slice(0, 32);
    if (
      !(await this.rateLimiter.allows(`verify-visitor:${session.visitorKey}`, CODES_PER_VISITOR)) ||
      !(await this.rateLimiter.allows(`verify-number:${numberKey}`, CODES_PER_NUMBER))
    ) {
      throw new WebChatRefusal(WebChatRefusalCode.RateLimited, 'Too many codes requested; wait a few minutes');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const key = this.challengeKey(session);
    await this.redis
      .multi()
      .del(key)
      .hset(key, { phone, digest: this.digest(session, phone, code), attempts: 0 })
      .pexpire(key, CODE_LIFETIME_MILLISECONDS)
      .exec();
    try {
      await this.sendCode(session, smsInboxId, phone, code);
    } catch (error) {
      await this.redis.del(key);
      throw error;
    }
    return { sentTo: maskedPhone(phone), expiresInSeconds: CODE_LIFETIME_MILLISECONDS / 1000 };
  }

  // Returns the visitor's new session: the verified person's contact, with a token that sees its whole history.
  async confirmCode(session: VisitorSession, input: Record<string, unknown>): Promise<VisitorSession> {
    const code = typeof input.code === 'string' ? input.code.trim() : '';
    if (!/^\d{6}$/.test(code)) {
      throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'The code has invalid fields', [
        { field: 'code', message: 'must be the 6 digits sent by SMS' },
      ]);
    }
    const key = this.challengeKey(session);
    const [[, attempts], [, challenge]] = (await this.redis.multi().hincrby(key, 'attempts', 1).hgetall(key).exec()) as [
      [unknown, number],
      [unknown, Record<string, string>],
    ];
    if (!challenge?.digest || !challenge.phone) {
      await this.redis.del(key);
      throw new WebChatRefusal(WebChatRefusalCode.CodeInvalid, 'No code is waiting; ask for a new one');
    }
    if (attempts > MAX_ATTEMPTS) {
      await this.redis.del(key);
      throw new WebChatRefusal(WebChatRefusalCode.CodeInvalid, 'Too many wrong codes; ask for a new one');
    }
    const expected = Buffer.from(challenge.digest, 'hex');
    const given = Buffer.from(this.digest(session, challenge.phone, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new WebChatRefusal(WebChatRefusalCode.CodeInvalid, 'The code is not correct');
    }
    // A code is good once, even if the visitor sends it twice at the same moment.
    if ((await this.redis.del(key)) !== 1)
      throw new WebChatRefusal(WebChatRefusalCode.CodeInvalid, 'No code is waiting; ask for a new one');

    const phone = challenge.phone;
    const organisationId = session.inbox.organisationId;
    const contactId = await this.transactions.run(async (manager) => {
      const outcome = await this.contacts.verifyPhone(manager, organisationId, session.contactId, phone);
      if (outcome.kind === 'belongs-to')
        await this.merges.mergeVerifiedPerson(manager, organisationId, outcome.contactId, session.contactId);
      await this.audit.record(
        {
          organisationId,
          actorUserId: null,
          action: AuditAction.ContactPhoneVerified,
          subjectType: 'contact',
          subjectId: outcome.contactId,
          details: { inboxId: session.inbox.id, method: 'sms-code', joinedFrom: outcome.kind === 'belongs-to' ? session.contactId : null },
        },
        manager,
      );
      return outcome.contactId;
    });
    const token = session.token.identified ? session.token : { ...session.token, phoneVerified: true };
    return this.sessions.sessionFor(session, token, contactId);
  }

  // The number typed now, or the one the visitor gave in the pre-chat form.
  private async phoneToVerify(session: VisitorSession, typed: unknown): Promise<string> {
    if (typed !== undefined) {
      const phone = typeof typed === 'string' ? normalisePhoneNumber(typed.slice(0, 32)) : undefined;
      if (!phone) {
        throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'The request has invalid fields', [
          { field: 'phone', message: 'is not a valid mobile number' },
        ]);
      }
      return phone;
    }
    const contact = await this.contacts.findInOrganisation(session.inbox.organisationId, session.contactId);
    if (!contact?.phone) {
      throw new WebChatRefusal(WebChatRefusalCode.ValidationFailed, 'The request has invalid fields', [
        { field: 'phone', message: 'is required' },
      ]);
    }
    return contact.phone;
  }

  private async sendCode(session: VisitorSession, smsInboxId: string, phone: string, code: string): Promise<void> {
    const found = await this.inboxes.findWithSecrets(smsInboxId);
    if (
      !found ||
      found.inbox.organisationId !== session.inbox.organisationId ||
      found.inbox.channel !== ChannelKind.Sms ||
      !found.inbox.active
    ) {
      throw new WebChatRefusal(WebChatRefusalCode.VerificationUnavailable, 'This chat does not verify mobile numbers');
    }
    const text = `رمز التحقق من رقم جوالك في «${session.inbox.name}»: ${code}\nصالح عشر دقائق. لا تشاركه مع أحد.`;
    try {
      // The code is never stored as a message, so the provider is not asked for delivery reports.
      const adapter = this.adapters.create(found, { reportDelivery: false });
      await adapter.send({ messageId: randomUUID(), conversationId: '', text, createdAt: new Date(), recipient: { phone } });
    } catch (error) {
      // The reason stays in the log for the administrator; the visitor learns only that it did not go.
      const reason = error instanceof ChannelError ? error.code : 'UNKNOWN';
      this.logger.warn(`Verification SMS through inbox ${smsInboxId} failed: ${reason}`);
      throw new WebChatRefusal(WebChatRefusalCode.VerificationNotSent, 'The code could not be sent; try again later');
    }
  }

  private challengeKey(session: VisitorSession): string {
    return `${this.prefix}:${session.inbox.id}:${session.visitorKey}`;
  }

  // Keyed by the inbox secret, so what Redis holds does not reveal the code even to someone who reads Redis.
  private digest(session: VisitorSession, phone: string, code: string): string {
    return createHmac('sha256', session.signingSecret)
      .update(`wasl-phone-verification|${session.visitorKey}|${phone}|${code}`)
      .digest('hex');
  }
}
