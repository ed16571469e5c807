import { DeliveryState } from '@app/channels';
import { TransactionRunner } from '@app/database';
import { RealtimePublisher } from '@app/realtime';
import { RealtimeEvent } from '@app/wire';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, MoreThanOrEqual, Repository } from 'typeorm';
import { Conversation } from '../entities/conversation.entity';
import { DeliveryStatus, Message, MessageType } from '../entities/message.entity';
import { statusTargetFor } from '../rules/delivery-status-target.rule';
import { audienceOfMessage } from './conversation-access.util';
import { toMessageView } from './conversation-view';

// A web-chat visitor's rows, read and written for the gateway's web-chat side: the visitor's latest conversation and
// history, and the statuses the visitor's browser and the officers report (this module owns messages).
@Injectable()
export class WebChatMessagesService {
  constructor(
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    private readonly transactions: TransactionRunner,
    private readonly realtime: RealtimePublisher,
  ) {}

  latestConversation(
    organisationId: string,
    inboxId: string,
    contactId: string,
  ): Promise<Pick<Conversation, 'id' | 'lastActivityAt'> | null> {
    return this.conversations.findOne({
      where: { organisationId, inboxId, contactId },
      order: { createdAt: 'DESC' },
      select: { id: true, lastActivityAt: true },
    });
  }

  // The contact's messages in this inbox, newest first; `since` limits an anonymous visitor to its token's lifetime.
  history(organisationId: string, inboxId: string, contactId: string, since: Date | undefined, limit: number): Promise<Message[]> {
    return this.messages.find({
      where: {
        organisationId,
        inboxId,
        contactId,
        type: In([MessageType.Inbound, MessageType.Outbound]),
        ...(since ? { createdAt: MoreThanOrEqual(since) } : {}),
      },
      order: { createdAt: 'DESC', sequence: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  // The visitor's browser reports agent replies as delivered or read; only forward moves are recorded, by the rule
  // that applies providers' delivery reports.
  async recordVisitorStatus(
    visitor: { organisationId: string; inboxId: string; contactId: string },
    ids: string[],
    status: DeliveryStatus.Delivered | DeliveryStatus.Read,
  ): Promise<number> {
    const allowedFrom = statusTargetFor(status === DeliveryStatus.Read ? DeliveryState.Read : DeliveryState.Delivered)!.from;
    const updated = await this.transactions.run(async (manager) => {
      const rows = await manager.find(Message, {
        where: {
          id: In(ids),
          organisationId: visitor.organisationId,
          inboxId: visitor.inboxId,
          contactId: visitor.contactId,
          type: MessageType.Outbound,
          status: In(allowedFrom),
        },
      });
      if (rows.length === 0) return [];
      const updatedAt = new Date();
      await manager.update(Message, { id: In(rows.map((row) => row.id)), status: In(allowedFrom) }, { status, updatedAt });
      return rows.map((row) => Object.assign(row, { status, updatedAt }));
    });
    for (const message of updated) {
      const audience = await audienceOfMessage(this.conversations.manager, message);
      this.realtime.toConversationAudience(audience, RealtimeEvent.MessageUpdated, toMessageView(message));
    }
    return updated.length;
  }

  // An officer read the visitor's messages: inbound rows without a status become `read`; the updated rows are returned.
  markInboundRead(organisationId: string, conversationId: string): Promise<Message[]> {
    return this.transactions.run(async (manager) => {
      const unread = await manager.find(Message, {
        where: { conversationId, organisationId, type: MessageType.Inbound, status: IsNull() },
      });
      if (unread.length === 0) return [];
      const updatedAt = new Date();
      await manager.update(
        Message,
        { id: In(unread.map((message) => message.id)), status: IsNull() },
        { status: DeliveryStatus.Read, updatedAt },
      );
      return unread.map((message) => Object.assign(message, { status: DeliveryStatus.Read, updatedAt }));
    });
  }
}
