import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Conversation, ConversationStatus } from '../entities/conversation.entity';
import { InboundEvent } from '../entities/inbound-event.entity';

// What refers to an inbox or a team from the conversations' tables, so an administrator's delete never orphans a
// beneficiary's records or leaves open work with nobody to see it.
@Injectable()
export class ConversationReferencesService {
  constructor(
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
    private readonly transactions: TransactionRunner,
  ) {}

  // An event not yet applied has no conversation yet, but it is a beneficiary's message all the same.
  async heldByInbox(organisationId: string, inboxId: string): Promise<{ conversations: number; events: boolean }> {
    const [conversations, events] = await Promise.all([
      this.conversations.countBy({ organisationId, inboxId }),
      this.events.existsBy({ organisationId, inboxId }),
    ]);
    return { conversations, events };
  }

  // Per inbox, how many conversations it holds (the administration list says which inboxes can be deleted).
  async conversationCountsByInbox(organisationId: string): Promise<Map<string, number>> {
    const rows: Array<{ inboxId: string; count: string | number }> = await this.conversations
      .createQueryBuilder('conversation')
      .select('conversation.inboxId', 'inboxId')
      .addSelect('COUNT(*)', 'count')
      .where('conversation.organisationId = :organisationId', { organisationId })
      .groupBy('conversation.inboxId')
      .getRawMany();
    return new Map(rows.map((row) => [row.inboxId, Number(row.count)]));
  }

  async openAssignedToTeam(organisationId: string, teamId: string): Promise<number> {
    return this.conversations.countBy({ organisationId, teamId, status: In([ConversationStatus.Open, ConversationStatus.Pending]) });
  }

  // A deleted team's finished conversations stay, assigned to no team (their events keep the history).
  async releaseTeam(organisationId: string, teamId: string): Promise<number> {
    const result = await this.transactions.run((manager) => manager.update(Conversation, { organisationId, teamId }, { teamId: null }));
    return result.affected ?? 0;
  }
}
