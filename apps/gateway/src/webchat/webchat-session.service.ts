import {
  ChannelKind,
  isValidIdentifierHash,
  parseWebChatSettings,
  readVisitorToken,
  signVisitorToken,
  VisitorToken,
  WebChatSettings,
  webChatVisitorRoom,
} from '@app/channels';
import { ApiException, normaliseText } from '@app/common';
import { WaslConfig } from '@app/config';
import { ContactsService, normaliseEmail, normalisePhoneNumber } from '@app/contacts';
import { DeliveryStatus, MessageType, WebChatMessagesService } from '@app/conversations';
import type { Message } from '@app/conversations/entities';
import { TransactionRunner } from '@app/database';
import { UsersService } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import type { Inbox } from '@app/inboxes/entities';
import { WebChatMessagePayload, WebChatRefusalCode } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import { WebChatRefusal } from './webchat-refusal.exception';

// Chatwoot's default widget token lifetime; a returning visitor after that starts over with the pre-chat form.
export const VISITOR_TOKEN_MAX_AGE_MILLISECONDS = 180 * 24 * 3_600_000;
const HISTORY_LIMIT = 200;

export interface WebChatInbox {
  inbox: Inbox;
  signingSecret: string;
  settings: WebChatSettings;
}

export interface VisitorSession extends WebChatInbox {
  token: VisitorToken;
  visitorToken: string;
  contactId: string;
  // The contact's room: every device of the contact in this inbox joins it, and replies are sent to it.
  room: string;
  // This visitor's own key, scoping its clientMessageIds so one visitor can never collide with another's.
  visitorKey: string;
  // An anonymous visitor's contact is created with their first message (or verification), not at the handshake;
  // until then `contactId` is the id it will get, and the pre-chat claims wait here.
  contactPending?: boolean;
  profile?: Profile;
}

export interface SessionRequest {
  inboxId: unknown;
  origin: string | undefined;
  host?: string;
  visitorToken?: unknown;
  identifier?: unknown;
  identifierHash?: unknown;
  profile?: unknown;
}

interface Profile {
  name?: string;
  phone?: string;
  email?: string;
}

// Pre-chat answers are text from outside like any message: control characters, NUL and bidi overrides go.
function text(value: unknown, maxLength: number): string | undefined {
  const cleaned = typeof value === 'string' ? normaliseText(value, { singleLine: true }).trim() : '';
  return cleaned ? cleaned.slice(0, maxLength) : undefined;
}

// The id an anonymous visitor's contact gets when it is created: derived from the visitor id, so every device holding
// the token announces the same contact before it exists and finds the same one after.
export function pendingContactId(signingSecret: string, externalId: string): string {
  const bytes = createHmac('sha256', signingSecret).update(`wasl-webchat-contact-v1\n${externalId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A visitor the site vouched for, or who proved their number by a code, is the contact; an anonymous visitor is only
// the person who opened this session.
function seesWholeHistory(token: VisitorToken): boolean {
  return token.identified || token.phoneVerified === true;
}

// Everything a visitor may do, decided from the signed token alone: never from ids the browser sends.
@Injectable()
export class WebChatSessionService {
  private readonly gatewayOrigin: string;

  constructor(
    private readonly inboxes: InboxesService,
    private readonly contacts: ContactsService,
    private readonly users: UsersService,
    private readonly transactions: TransactionRunner,
    private readonly webChatMessages: WebChatMessagesService,
    config: WaslConfig,
  ) {
    this.gatewayOrigin = new URL(config.http.publicUrl).origin.toLowerCase();
  }

  async loadInbox(inboxId: unknown): Promise<WebChatInbox> {
    const found = typeof inboxId === 'string' ? await this.inboxes.findWithSecrets(inboxId) : null;
    if (!found || found.inbox.channel !== ChannelKind.WebChat || !found.inbox.active) {
      throw new WebChatRefusal(WebChatRefusalCode.InboxNotFound, 'No active web-chat inbox has this id');
    }
    try {
      return { inbox: found.inbox, signingSecret: found.secrets.signingSecret, settings: parseWebChatSettings(found.inbox.settings) };
    } catch (error) {
      const fields = error instanceof ApiException ? (error.fields ?? []) : [];
      throw new WebChatRefusal(WebChatRefusalCode.SettingsInvalid, 'The inbox settings are invalid; ask the administrator', fields);
    }
  }

  // Browsers always send Origin on cross-site sockets and fetches; a missing Origin is a same-site page or a
  // server-side client, which the identity checks still govern. The gateway's own pages (/demo) are always allowed.
  isAllowedOrigin(settings: WebChatSettings, origin: string | undefined, host?: string): boolean {
    if (!origin) return true;
    const normalised = origin.trim().replace(/\/+$/, '').toLowerCase();
    if (normalised === this.gatewayOrigin || settings.allowedOrigins.includes('*') || settings.allowedOrigins.includes(normalised))
      return true;
    try {
      return host !== undefined && new URL(normalised).host === host.toLowerCase();
    } catch {
      return false;
    }
  }

  async open(request: SessionRequest): Promise<VisitorSession> {
    const webChat = await this.loadInbox(request.inboxId);
    if (!this.isAllowedOrigin(webChat.settings, request.origin, request.host)) {
      throw new WebChatRefusal(WebChatRefusalCode.OriginRefused, 'This site may not embed this inbox’s chat');
    }
    const { inbox, signingSecret } = webChat;
    const profileInput =
      typeof request.profile === 'object' && request.profile !== null ? (request.profile as Record<string, unknown>) : {};
    let token: VisitorToken;
    let profile: Profile = {};
    let minted = false;

    if (request.identifier !== undefined || request.identifierHash !== undefined) {
      const identifier = text(request.identifier, 200);
      if (!identifier || !isValidIdentifierHash(signingSecret, identifier, text(request.identifierHash, 100))) {
        throw new WebChatRefusal(WebChatRefusalCode.IdentityInvalid, 'The identifier is not signed with this inbox’s secret');
      }
      // The site vouches for this person: reuse their token if it is theirs, and trust the profile it passes.
      const existing = readVisitorToken(signingSecret, inbox.id, request.visitorToken, VISITOR_TOKEN_MAX_AGE_MILLISECONDS);
      token =
        existing?.identified && existing.externalId === identifier
          ? existing
          : { inboxId: inbox.id, externalId: identifier, identified: true, issuedAt: Date.now() };
      profile = this.readProfile(webChat.settings, profileInput, false);
    } else if (request.visitorToken !== undefined && request.visitorToken !== null) {
      // An identified token is only good with the site's signature beside it; a phone-verified one stands alone.
      const existing = readVisitorToken(signingSecret, inbox.id, request.visitorToken, VISITOR_TOKEN_MAX_AGE_MILLISECONDS);
      if (!existing || existing.identified) throw new WebChatRefusal(WebChatRefusalCode.TokenInvalid, 'The visitor token is not valid');
      token = existing;
      // A visitor who reloads before their first message brings their pre-chat answers again; they are claims, used
      // only if that first message makes the contact.
      profile = this.readProfile(webChat.settings, profileInput, false);
    } else {
      profile = this.readProfile(webChat.settings, profileInput, true);
      token = { inboxId: inbox.id, externalId: `visitor-${randomUUID()}`, identified: false, issuedAt: Date.now() };
      minted = true;
    }

    // A handshake alone stores nothing: an anonymous visitor's contact is made by their first message.
    if (!token.identified) {
      const existing = !minted && (await this.visitorContactId(inbox, token.externalId));
      if (existing) return this.sessionFor(webChat, token, existing);
      return { ...this.pendingSession(webChat, token), profile };
    }

    // Only the visitor id (random, or signed by the site) finds a contact. The mobile number and e-mail of the
    // pre-chat form are claims, even beside a signed identifier (the site signs the identifier, not the profile):
    // they are kept on the visitor's own contact, unverified, and never join anyone else's conversations.
    const contact = await this.transactions.run((manager) =>
      this.contacts.resolveSender(manager, inbox.organisationId, inbox.id, {
        externalId: token.externalId,
        name: profile.name,
        claimedPhone: profile.phone,
        claimedEmail: profile.email,
      }),
    );
    return this.sessionFor(webChat, token, contact.id);
  }

  // The session a token grants: the contact's room is that of its first visitor id in this inbox, so every device
  // of one identified or verified person shares it, and replies are addressed there.
  async sessionFor(webChat: WebChatInbox, token: VisitorToken, contactId: string): Promise<VisitorSession> {
    const { inbox, signingSecret } = webChat;
    const primaryExternalId = (await this.contacts.externalIdIn(inbox.organisationId, contactId, inbox.id)) ?? token.externalId;
    return {
      ...webChat,
      token,
      visitorToken: signVisitorToken(signingSecret, token),
      contactId,
      room: webChatVisitorRoom(signingSecret, primaryExternalId),
      visitorKey: webChatVisitorRoom(signingSecret, token.externalId).slice('visitor:'.length),
    };
  }

  // Creates the contact of a visitor who had none yet, with the pre-chat claims, under the id already announced. Two
  // tabs racing here meet on the identity's advisory lock: the second finds the first's contact.
  async ensureContact(session: VisitorSession): Promise<void> {
    if (!session.contactPending) return;
    const { inbox } = session;
    const contact = await this.transactions.run(async (manager) => {
      // A contact erased by staff keeps its row (anonymised) but loses its identities: the visitor writing again is
      // someone new, under a new id.
      const taken = await this.contacts.exists(manager, session.contactId);
      return this.contacts.resolveSender(
        manager,
        inbox.organisationId,
        inbox.id,
        {
          externalId: session.token.externalId,
          name: session.profile?.name,
          claimedPhone: session.profile?.phone,
          claimedEmail: session.profile?.email,
        },
        taken ? undefined : session.contactId,
      );
    });
    Object.assign(session, { contactId: contact.id, contactPending: false, profile: undefined });
  }

  // The contact the visitor id identifies in this inbox, if any.
  private async visitorContactId(inbox: Inbox, externalId: string): Promise<string | undefined> {
    return this.contacts.contactIdOfExternal(inbox.organisationId, inbox.id, externalId);
  }

  // Whether the visitor has a contact now (another tab may have written since this one connected). Until they do,
  // there is nothing of theirs to read, even under the id announced (an erased contact's row may still carry it).
  private async hasContact(session: VisitorSession): Promise<boolean> {
    if (!session.contactPending) return true;
    const contactId = await this.visitorContactId(session.inbox, session.token.externalId);
    if (contactId) Object.assign(session, { contactId, contactPending: false, profile: undefined });
    return contactId !== undefined;
  }

  private pendingSession(webChat: WebChatInbox, token: VisitorToken): VisitorSession {
    const { signingSecret } = webChat;
    const room = webChatVisitorRoom(signingSecret, token.externalId);
    return {
      ...webChat,
      token,
      visitorToken: signVisitorToken(signingSecret, token),
      contactId: pendingContactId(signingSecret, token.externalId),
      contactPending: true,
      room,
      visitorKey: room.slice('visitor:'.length),
    };
  }

  // For plain HTTP calls (uploads): the visitor named by a token, without resolving the contact again.
  async visitorFromToken(
    inboxId: unknown,
    visitorToken: unknown,
    origin: string | undefined,
    host: string | undefined,
  ): Promise<WebChatInbox & { visitorKey: string }> {
    const webChat = await this.loadInbox(inboxId);
    if (!this.isAllowedOrigin(webChat.settings, origin, host)) {
      throw new WebChatRefusal(WebChatRefusalCode.OriginRefused, 'This site may not embed this inbox’s chat');
    }
    const token = readVisitorToken(webChat.signingSecret, webChat.inbox.id, visitorToken, VISITOR_TOKEN_MAX_AGE_MILLISECONDS);
    if (!token) throw new WebChatRefusal(WebChatRefusalCode.TokenInvalid, 'The visitor token is not valid');
    return { ...webChat, visitorKey: webChatVisitorRoom(webChat.signingSecret, token.externalId).slice('visitor:'.length) };
  }

  async currentConversationId(session: VisitorSession): Promise<string | undefined> {
    if (!(await this.hasContact(session))) return undefined;
    const latest = await this.webChatMessages.latestConversation(session.inbox.organisationId, session.inbox.id, session.contactId);
    if (!latest || (!seesWholeHistory(session.token) && latest.lastActivityAt.getTime() < session.token.issuedAt)) return undefined;
    return latest.id;
  }

  // The contact's web-chat messages in this inbox, oldest first. An anonymous visitor only sees what was written
  // since its token was issued.
  async history(session: VisitorSession): Promise<WebChatMessagePayload[]> {
    if (!(await this.hasContact(session))) return [];
    const rows = await this.webChatMessages.history(
      session.inbox.organisationId,
      session.inbox.id,
      session.contactId,
      seesWholeHistory(session.token) ? undefined : new Date(session.token.issuedAt),
      HISTORY_LIMIT,
    );
    const agentNames = await this.agentNames(
      session.inbox.organisationId,
      rows.map((row) => row.senderUserId),
    );
    return rows.reverse().map((row) => this.toPayload(row, agentNames, session.inbox.name));
  }

  // The visitor's browser reports agent replies as delivered or read (conversations records forward moves only).
  async recordVisitorStatus(
    session: VisitorSession,
    ids: string[],
    status: DeliveryStatus.Delivered | DeliveryStatus.Read,
  ): Promise<number> {
    if (!(await this.hasContact(session))) return 0;
    const { organisationId, id: inboxId } = session.inbox;
    return this.webChatMessages.recordVisitorStatus({ organisationId, inboxId, contactId: session.contactId }, ids, status);
  }

  toPayload(message: Message, agentNames = new Map<string, string>(), inboxName?: string): WebChatMessagePayload {
    // An outbound message no officer wrote is Wasl's own: the automatic answer, signed with the inbox's name as shown.
    const automatic = message.type === MessageType.Outbound && !message.senderUserId;
    const agentName = message.senderUserId ? agentNames.get(message.senderUserId) : automatic ? inboxName : undefined;
    return {
      id: message.id,
      text: message.text,
      sender: message.type === MessageType.Inbound ? 'visitor' : 'agent',
      ...(agentName ? { agentName } : {}),
      ...(automatic ? { automatic: true } : {}),
      createdAt: message.createdAt.toISOString(),
      ...(message.status ? { status: message.status } : {}),
      ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    };
  }

  private async agentNames(organisationId: string, userIds: Array<string | null>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const userId of new Set(userIds.filter((id): id is string => id !== null))) {
      const user = await this.users.findInOrganisation(organisationId, userId);
      if (user) names.set(userId, user.name);
    }
    return names;
  }

  private readProfile(settings: WebChatSettings, input: Record<string, unknown>, enforceRules: boolean): Profile {
    const name = text(input.name, 100);
    const rawPhone = text(input.phone, 32);
    const phone = normalisePhoneNumber(rawPhone);
    const rawEmail = text(input.email, 320);
    const email = normaliseEmail(rawEmail);
    const problems: Array<{ field: string; message: string }> = [];
    if (rawPhone && !phone) problems.push({ field: 'phone', message: 'is not a valid mobile number' });
    if (rawEmail && !email) problems.push({ field: 'email', message: 'is not a valid e-mail address' });
    if (enforceRules) {
      const given: Record<keyof Profile, string | undefined> = { name, phone: rawPhone, email: rawEmail };
      for (const field of ['name', 'phone', 'email'] as const) {
        if (settings.preChat[field] === 'required' && !given[field]) problems.push({ field, message: 'is required' });
      }
    }
    if (problems.length > 0) throw new WebChatRefusal(WebChatRefusalCode.PreChatInvalid, 'The pre-chat form has invalid fields', problems);
    const profile: Profile = {};
    if (name && (!enforceRules || settings.preChat.name !== 'hidden')) profile.name = name;
    if (phone && (!enforceRules || settings.preChat.phone !== 'hidden')) profile.phone = phone;
    if (email && (!enforceRules || settings.preChat.email !== 'hidden')) profile.email = email;
    return profile;
  }
}
