import { AttachmentMetadata, InboundMessage } from '@app/channels';
import { JsonObject } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull, Not, WhereExpressionBuilder } from 'typeorm';
import { AttachmentUpload } from '../entities/attachment-upload.entity';
import { Call } from '../entities/call.entity';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { ConversationRead } from '../entities/conversation-read.entity';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { InboundEvent } from '../entities/inbound-event.entity';
import { Message } from '../entities/message.entity';
import { REPLY_FILE_EXTENSIONS, replyFilePath } from './reply-attachment-link.util';

export type PersonalDataErasureMode = 'delete' | 'anonymise';

// What a raw payload becomes once erased: a valid, empty InboundMessage, so nothing that reads events breaks.
export const ERASED_INBOUND_PAYLOAD: InboundMessage = { providerMessageId: '', sender: {}, text: '', attachments: [] };
const ERASED_PAYLOAD_TEXT = JSON.stringify(ERASED_INBOUND_PAYLOAD);
const CLOSED_STATUSES = [ConversationStatus.Resolved, ConversationStatus.Closed];
// Conversation events whose details name a person (a merge names both contacts).
const PERSONAL_EVENT_TYPES = [ConversationEventType.ContactMerged];

export interface PersonalDataFigures {
  conversations: number;
  messages: number;
  calls: number;
  payloads: number;
}

export interface ErasedPersonalData extends PersonalDataFigures {
  // Attachment URLs of the erased messages: the caller removes the files once the transaction has committed.
  attachmentUrls: string[];
}

export interface ContactConversationData {
  conversations: Array<Pick<Conversation, 'id' | 'number' | 'inboxId' | 'channel' | 'status' | 'labels' | 'createdAt' | 'resolvedAt'>>;
  messages: Array<
    Pick<Message, 'id' | 'conversationId' | 'type' | 'text' | 'attachments' | 'status' | 'createdAt'> & { contactId: string }
  >;
  calls: Array<
    Pick<
      Call,
      | 'id'
      | 'conversationId'
      | 'direction'
      | 'fromNumber'
      | 'toNumber'
      | 'status'
      | 'missed'
      | 'durationSeconds'
      | 'transcription'
      | 'notes'
      | 'startedAt'
    >
  >;
  rawPayloads: Array<{ receivedAt: Date; payload: InboundMessage }>;
}

// The conversations module's side of a data-subject request and of retention: reads and erases the rows this module
// owns (conversations, messages, events, calls, raw inbound payloads) for given contacts or given conversations.
@Injectable()
export class ConversationPersonalDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportFor(organisationId: string, contactIds: string[]): Promise<ContactConversationData> {
    const manager = this.dataSource.manager;
    const conversations = await manager.find(Conversation, {
      where: { organisationId, contactId: In(contactIds) },
      order: { createdAt: 'ASC' },
    });
    const conversationIds = conversations.map((conversation) => conversation.id);
    const messages = await manager.find(Message, {
      where: [
        { organisationId, contactId: In(contactIds) },
        { organisationId, conversationId: In(conversationIds) },
      ],
      order: { createdAt: 'ASC', sequence: 'ASC' },
    });
    const calls = await manager.find(Call, {
      where: [
        { organisationId, contactId: In(contactIds) },
        { organisationId, conversationId: In(conversationIds) },
      ],
      order: { startedAt: 'ASC' },
    });
    const inbound = messages.filter((message) => message.providerMessageId !== null).map((message) => message.id);
    const events = inbound.length === 0 ? [] : await manager.find(InboundEvent, { where: { organisationId, messageId: In(inbound) } });
    return {
      conversations: conversations.map(({ id, number, inboxId, channel, status, labels, createdAt, resolvedAt }) => ({
        id,
        number,
        inboxId,
        channel,
        status,
        labels,
        createdAt,
        resolvedAt,
      })),
      messages: messages.map(({ id, conversationId, contactId, type, text, attachments, status, createdAt }) => ({
        id,
        conversationId,
        contactId,
        type,
        text,
        attachments,
        status,
        createdAt,
      })),
      calls: calls.map(
        ({ id, conversationId, direction, fromNumber, toNumber, status, missed, durationSeconds, transcription, notes, startedAt }) => ({
          id,
          conversationId,
          direction,
          fromNumber,
          toNumber,
          status,
          missed,
          durationSeconds,
          transcription,
          notes,
          startedAt,
        }),
      ),
      rawPayloads: events
        .filter((event) => JSON.stringify(event.payload) !== ERASED_PAYLOAD_TEXT)
        .map(({ receivedAt, payload }) => ({ receivedAt, payload })),
    };
  }

  // Everything of these contacts, inside the caller's transaction (an erasure request).
  async eraseForContacts(
    manager: EntityManager,
    organisationId: string,
    contactIds: string[],
    mode: PersonalDataErasureMode,
  ): Promise<ErasedPersonalData> {
    const conversations = await manager.find(Conversation, {
      where: { organisationId, contactId: In(contactIds) },
      select: { id: true },
    });
    return this.erase(manager, organisationId, {
      conversationIds: conversations.map((conversation) => conversation.id),
      contactIds,
      mode,
    });
  }

  // Retention: closed conversations whose last activity is older than the cutoff and that still hold personal data.
  async countExpiredConversations(
    organisationId: string,
    cutoff: Date,
    mode: PersonalDataErasureMode,
  ): Promise<{ conversations: number; messages: number }> {
    const expired = this.expiredConversations(this.dataSource.manager, organisationId, cutoff, mode);
    const conversations = await expired.getCount();
    const messages = await this.dataSource.manager
      .createQueryBuilder(Message, 'message')
      .where('message.organisationId = :organisationId', { organisationId })
      .andWhere(`message.conversationId IN (${expired.select('conversation.id').getQuery()})`)
      .setParameters(expired.getParameters())
      .getCount();
    return { conversations, messages };
  }

  // One bounded batch of expired conversations, inside the caller's transaction.
  async eraseExpiredConversations(
    manager: EntityManager,
    organisationId: string,
    cutoff: Date,
    mode: PersonalDataErasureMode,
    batchSize: number,
  ): Promise<ErasedPersonalData> {
    const batch = await this.expiredConversations(manager, organisationId, cutoff, mode)
      .select('conversation.id', 'id')
      .orderBy('conversation.lastActivityAt', 'ASC')
      .limit(batchSize)
      .getRawMany<{ id: string }>();
    return this.erase(manager, organisationId, { conversationIds: batch.map((row) => row.id), contactIds: [], mode });
  }

  async countExpiredPayloads(organisationId: string, cutoff: Date): Promise<number> {
    return this.expiredPayloads(this.dataSource.manager, organisationId, cutoff).getCount();
  }

  // Raw provider payloads of applied events older than the cutoff: 'delete' removes the rows, 'anonymise' blanks them.
  async eraseExpiredPayloads(
    manager: EntityManager,
    organisationId: string,
    cutoff: Date,
    mode: PersonalDataErasureMode,
    batchSize: number,
  ): Promise<number> {
    const batch = await this.expiredPayloads(manager, organisationId, cutoff)
      .select('event.id', 'id')
      .orderBy('event.id', 'ASC')
      .limit(batchSize)
      .getRawMany<{ id: number }>();
    const ids = batch.map((row) => Number(row.id));
    if (ids.length === 0) return 0;
    if (mode === 'delete') await manager.delete(InboundEvent, { organisationId, id: In(ids) });
    else await manager.update(InboundEvent, { organisationId, id: In(ids) }, { payload: ERASED_INBOUND_PAYLOAD });
    return ids.length;
  }

  private expiredConversations(manager: EntityManager, organisationId: string, cutoff: Date, mode: PersonalDataErasureMode) {
    const query = manager
      .createQueryBuilder(Conversation, 'conversation')
      .where('conversation.organisationId = :organisationId', { organisationId })
      .andWhere('conversation.status IN (:...closedStatuses)', { closedStatuses: CLOSED_STATUSES })
      .andWhere('conversation.lastActivityAt < :cutoff', { cutoff });
    if (mode === 'anonymise') {
      // An anonymised conversation has no preview and no message with text or files left: it is not counted again.
      query.andWhere(
        new Brackets((personal: WhereExpressionBuilder) =>
          personal.where('conversation.lastMessagePreview IS NOT NULL').orWhere(
            `EXISTS (SELECT 1 FROM messages personal_message WHERE personal_message.conversation_id = conversation.id
               AND (personal_message.text <> '' OR personal_message.attachments <> '[]'))`,
          ),
        ),
      );
    }
    return query;
  }

  private expiredPayloads(manager: EntityManager, organisationId: string, cutoff: Date) {
    return manager
      .createQueryBuilder(InboundEvent, 'event')
      .where('event.organisationId = :organisationId', { organisationId })
      .andWhere('event.processedAt IS NOT NULL')
      .andWhere('event.receivedAt < :cutoff', { cutoff })
      .andWhere('event.payload <> :erasedPayload', { erasedPayload: ERASED_PAYLOAD_TEXT });
  }

  private async erase(
    manager: EntityManager,
    organisationId: string,
    target: { conversationIds: string[]; contactIds: string[]; mode: PersonalDataErasureMode },
  ): Promise<ErasedPersonalData> {
    const { conversationIds, contactIds, mode } = target;
    const empty: ErasedPersonalData = { conversations: 0, messages: 0, calls: 0, payloads: 0, attachmentUrls: [] };
    if (conversationIds.length === 0 && contactIds.length === 0) return empty;
    const ofTarget = [
      ...(conversationIds.length > 0 ? [{ organisationId, conversationId: In(conversationIds) }] : []),
      ...(contactIds.length > 0 ? [{ organisationId, contactId: In(contactIds) }] : []),
    ];
    const messages = await manager.find(Message, {
      where: ofTarget,
      select: { id: true, conversationId: true, attachments: true, providerMessageId: true },
    });
    const messageIds = messages.map((message) => message.id);
    const calls = await manager.find(Call, { where: ofTarget, select: { id: true } });
    const callIds = calls.map((call) => call.id);
    // Officers' uploads on these conversations go too, attached or not: a file kept for a note is the person's as well.
    const touched = [...new Set([...conversationIds, ...messages.map((message) => message.conversationId)])];
    const uploads: AttachmentUpload[] = [];
    for (const chunk of chunks(touched)) {
      uploads.push(...(await manager.find(AttachmentUpload, { where: { organisationId, conversationId: In(chunk) } })));
    }
    const uploadPaths = uploads.map((upload) =>
      replyFilePath({
        inboxId: upload.inboxId,
        conversationId: upload.conversationId,
        fileId: `${upload.id}.${REPLY_FILE_EXTENSIONS[upload.contentType]}`,
      }),
    );
    const attachmentUrls = [
      ...new Set([
        ...messages.flatMap((message) => (message.attachments ?? []).map((file: AttachmentMetadata) => file.url ?? '')).filter(Boolean),
        ...uploadPaths,
      ]),
    ];
    for (const chunk of chunks(uploads.map((upload) => upload.id)))
      await manager.delete(AttachmentUpload, { organisationId, id: In(chunk) });
    const inboundIds = messages.filter((message) => message.providerMessageId !== null).map((message) => message.id);
    // The event row stays, blanked, so a provider retrying an old id is still recognised and not applied again.
    let payloads = 0;
    for (const chunk of chunks(inboundIds)) {
      const result = await manager
        .createQueryBuilder()
        .update(InboundEvent)
        .set({ payload: ERASED_INBOUND_PAYLOAD })
        .where('organisation_id = :organisationId', { organisationId })
        .andWhere('message_id IN (:...chunk)', { chunk })
        .andWhere('payload <> :erasedPayload', { erasedPayload: ERASED_PAYLOAD_TEXT })
        .execute();
      payloads += result.affected ?? 0;
    }
    if (mode === 'delete') {
      for (const chunk of chunks(messageIds)) await manager.delete(Message, { organisationId, id: In(chunk) });
      for (const chunk of chunks(callIds)) await manager.delete(Call, { organisationId, id: In(chunk) });
      for (const chunk of chunks(conversationIds)) {
        await manager.delete(ConversationEvent, { organisationId, conversationId: In(chunk) });
        await manager.delete(ConversationRead, { organisationId, conversationId: In(chunk) });
        await manager.delete(Conversation, { organisationId, id: In(chunk) });
      }
    } else {
      // Counts, timestamps, channel, status and durations stay for statistics; words, names, numbers and files go
      // (a provider's failure reason may quote the recipient's number; its code stays).
      for (const chunk of chunks(messageIds)) {
        await manager.update(Message, { organisationId, id: In(chunk) }, { text: '', attachments: [], failureReason: null });
      }
      for (const chunk of chunks(callIds)) {
        await manager.update(
          Call,
          { organisationId, id: In(chunk) },
          { fromNumber: '', toNumber: '', recordingSid: null, recordingUrl: null, transcription: null, notes: null },
        );
      }
      for (const chunk of chunks(conversationIds)) {
        await manager.update(Conversation, { organisationId, id: In(chunk) }, { lastMessagePreview: null });
        await manager.update(
          ConversationEvent,
          { organisationId, conversationId: In(chunk), type: In(PERSONAL_EVENT_TYPES), details: Not(IsNull()) },
          { details: null as JsonObject | null },
        );
      }
    }
    return { conversations: conversationIds.length, messages: messageIds.length, calls: callIds.length, payloads, attachmentUrls };
  }
}

// Keeps every IN list far below PostgreSQL's 65,535 bind parameters and SQLite's limit.
function chunks<T>(values: T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < values.length; index += size) result.push(values.slice(index, index + size));
  return result;
}
