import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { ConversationRead } from '../entities/conversation-read.entity';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { Message, MessageType } from '../entities/message.entity';
import { findVisibleConversation, whereVisibleTo } from './conversation-access.util';

// The tab title counts at most this many; past it the app shows "999+". Bounded, so a new officer facing years of
// unread history costs one short scan, not a count of every message.
export const UNREAD_TOTAL_LIMIT = 1000;

export interface UnreadSummary {
  messages: number;
  conversations: number;
  // True when there are more unread messages than UNREAD_TOTAL_LIMIT.
  more: boolean;
}

// Unread, per staff member: the beneficiary's messages accepted after the user's read marker of that conversation.
// Replies, notes and events are never unread; a conversation the user never opened counts all its inbound messages.
@Injectable()
export class ConversationReadsService {
  constructor(
    @InjectRepository(ConversationRead) private readonly reads: Repository<ConversationRead>,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
  ) {}

  // Marks every inbound message stored so far as read. The marker is the newest such message's acceptance time,
  // not the clock, so a message accepted earlier but applied after this call is still unread; it never moves back.
  async markRead(user: AuthenticatedUser, conversationId: string): Promise<{ conversationId: string; lastReadAt: Date | null }> {
    await findVisibleConversation(this.reads.manager, user, conversationId);
    const newest = await this.messages.findOne({
      select: { id: true, createdAt: true },
      where: { organisationId: user.organisationId, conversationId, type: MessageType.Inbound },
      order: { createdAt: 'DESC' },
    });
    const existing = await this.reads.findOneBy({ conversationId, userId: user.id });
    const readUpTo = newest?.createdAt ?? null;
    if (!readUpTo || (existing && existing.lastReadAt >= readUpTo)) return { conversationId, lastReadAt: existing?.lastReadAt ?? null };
    await this.reads.upsert(
      { conversationId, userId: user.id, organisationId: user.organisationId, lastReadAt: readUpTo, updatedAt: new Date() },
      ['conversationId', 'userId'],
    );
    return { conversationId, lastReadAt: readUpTo };
  }

  // Unread inbound messages of these conversations for the user, in one grouped query (a page of the list).
  async unreadCounts(user: AuthenticatedUser, conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ conversation_id: string; unread: string | number }> = await this.messages
      .createQueryBuilder('message')
      .select('message.conversationId', 'conversation_id')
      .addSelect('COUNT(*)', 'unread')
      .leftJoin(ConversationRead, 'marker', 'marker.conversationId = message.conversationId AND marker.userId = :userId', {
        userId: user.id,
      })
      .where('message.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere('message.conversationId IN (:...conversationIds)', { conversationIds })
      .andWhere('message.type = :inbound', { inbound: MessageType.Inbound })
      .andWhere(new Brackets((after) => after.where('marker.lastReadAt IS NULL').orWhere('message.createdAt > marker.lastReadAt')))
      .groupBy('message.conversationId')
      .getRawMany();
    return new Map(rows.map((row) => [row.conversation_id, Number(row.unread)]));
  }

  // What the tab title counts: unread messages of the open and pending conversations that are the user's to
  // answer, assigned to them or to nobody, among those they may see.
  async summary(user: AuthenticatedUser): Promise<UnreadSummary> {
    const query = this.conversations
      .createQueryBuilder('conversation')
      .select('message.conversationId', 'conversation_id')
      .innerJoin(Message, 'message', 'message.conversationId = conversation.id')
      .leftJoin(ConversationRead, 'marker', 'marker.conversationId = conversation.id AND marker.userId = :userId', { userId: user.id })
      .where('conversation.organisationId = :organisationId', { organisationId: user.organisationId })
      .andWhere('conversation.status IN (:...working)', { working: [ConversationStatus.Open, ConversationStatus.Pending] })
      .andWhere(new Brackets((mine) => mine.where('conversation.assigneeId = :userId').orWhere('conversation.assigneeId IS NULL')))
      .andWhere('message.organisationId = :organisationId')
      .andWhere('message.type = :inbound', { inbound: MessageType.Inbound })
      .andWhere(new Brackets((after) => after.where('marker.lastReadAt IS NULL').orWhere('message.createdAt > marker.lastReadAt')))
      .limit(UNREAD_TOTAL_LIMIT + 1);
    const rows: Array<{ conversation_id: string }> = await whereVisibleTo(query, 'conversation', user).getRawMany();
    const counted = rows.slice(0, UNREAD_TOTAL_LIMIT);
    return {
      messages: counted.length,
      conversations: new Set(counted.map((row) => row.conversation_id)).size,
      more: rows.length > UNREAD_TOTAL_LIMIT,
    };
  }
}
