import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { Message, MessageType } from '../entities/message.entity';

const ACTIVE = [ConversationStatus.Open, ConversationStatus.Pending];

export interface ActiveConversationCount {
  channel: string;
  status: string;
  teamId: string | null;
  assigneeId: string | null;
  count: string | number;
}

// Reads the gateway needs of conversations' tables (the supervisor's overview, the attachment routes), so that no
// app holds a repository of this module's entities.
@Injectable()
export class ConversationQueriesService {
  constructor(
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectRepository(Message) private readonly messages: Repository<Message>,
  ) {}

  // Open and pending work of one organisation, counted once in the database by channel, status, team and officer.
  activeCounts(organisationId: string): Promise<ActiveConversationCount[]> {
    return this.conversations
      .createQueryBuilder('conversation')
      .select('conversation.channel', 'channel')
      .addSelect('conversation.status', 'status')
      .addSelect('conversation.teamId', 'teamId')
      .addSelect('conversation.assigneeId', 'assigneeId')
      .addSelect('COUNT(*)', 'count')
      .where('conversation.organisationId = :organisationId', { organisationId })
      .andWhere('conversation.status IN (:...statuses)', { statuses: ACTIVE })
      .groupBy('conversation.channel')
      .addGroupBy('conversation.status')
      .addGroupBy('conversation.teamId')
      .addGroupBy('conversation.assigneeId')
      .getRawMany<ActiveConversationCount>();
  }

  // The open and pending conversations waiting longest for an answer.
  longestWaiting(organisationId: string, count: number): Promise<Conversation[]> {
    return this.conversations
      .createQueryBuilder('conversation')
      .where('conversation.organisationId = :organisationId', { organisationId })
      .andWhere('conversation.status IN (:...statuses)', { statuses: ACTIVE })
      .andWhere('conversation.waitingSince IS NOT NULL')
      .orderBy('conversation.waitingSince', 'ASC')
      .take(count)
      .getMany();
  }

  // A message of a conversation the caller has already been allowed to read.
  messageIn(organisationId: string, conversationId: string, messageId: string): Promise<Message | null> {
    return this.messages.findOneBy({ id: messageId, conversationId, organisationId });
  }

  // Reads other modules make inside their own transaction (the request kinds' records, a beneficiary's notice).
  conversationWithin(manager: EntityManager, organisationId: string, conversationId: string): Promise<Conversation | null> {
    return manager.findOneBy(Conversation, { id: conversationId, organisationId });
  }

  async numbersOf(
    manager: EntityManager,
    organisationId: string,
    conversationIds: string[],
  ): Promise<Array<{ id: string; number: number }>> {
    if (conversationIds.length === 0) return [];
    return manager.find(Conversation, {
      select: { id: true, number: true },
      where: { id: In(conversationIds), organisationId },
    });
  }

  // A message the beneficiary sent (a status question answered by the requests module).
  inboundMessageWithin(manager: EntityManager, organisationId: string, messageId: string): Promise<Message | null> {
    return manager.findOneBy(Message, { id: messageId, organisationId, type: MessageType.Inbound });
  }
}
