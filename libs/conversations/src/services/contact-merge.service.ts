import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ContactsService } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ConversationEvent, ConversationEventType } from '../entities/conversation-event.entity';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';

// Staff decide that two contacts are one person: everything of the source moves to the target, audited.
@Injectable()
export class ContactMergeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly contacts: ContactsService,
  ) {}

  async merge(user: AuthenticatedUser, targetId: string, sourceId: string): Promise<Contact> {
    if (targetId === sourceId)
      throw ApiException.validation([{ field: 'sourceContactId', message: 'must differ from the contact merged into' }]);
    return this.transactions.run(async (manager) => {
      const organisationId = user.organisationId;
      const target = await this.contacts.findWithin(manager, organisationId, targetId);
      const source = await this.contacts.findWithin(manager, organisationId, sourceId);
      if (!target || target.mergedIntoId) throw ApiException.notFound('Contact');
      if (!source || source.mergedIntoId)
        throw ApiException.validation([{ field: 'sourceContactId', message: 'is not a contact of this organisation' }]);
      return this.mergeWithin(manager, { organisationId, target, source, actorUserId: user.id, reason: 'staff' });
    });
  }

  // A web-chat visitor proved, by a code sent to the number, that they are the person the number identifies: their
  // contact joins that person's, inside the caller's transaction. Audited with no staff actor.
  async mergeVerifiedPerson(manager: EntityManager, organisationId: string, targetId: string, sourceId: string): Promise<Contact> {
    const target = await this.contacts.findWithin(manager, organisationId, targetId);
    const source = await this.contacts.findWithin(manager, organisationId, sourceId);
    if (!target || !source) throw new Error(`Contact ${target ? sourceId : targetId} is not in organisation ${organisationId}`);
    return this.mergeWithin(manager, { organisationId, target, source, actorUserId: null, reason: 'phone-verified' });
  }

  private async mergeWithin(
    manager: EntityManager,
    merge: { organisationId: string; target: Contact; source: Contact; actorUserId: string | null; reason: 'staff' | 'phone-verified' },
  ): Promise<Contact> {
    const { organisationId, target, source, actorUserId } = merge;
    const conversations = await manager.find(Conversation, { where: { organisationId, contactId: source.id }, select: { id: true } });
    await manager.update(Conversation, { organisationId, contactId: source.id }, { contactId: target.id });
    await manager.update(Message, { organisationId, contactId: source.id }, { contactId: target.id });
    const patch = await this.contacts.mergeRecords(manager, organisationId, target, source);
    const now = patch.updatedAt!;
    if (conversations.length > 0) {
      await manager.insert(
        ConversationEvent,
        conversations.map((conversation) => ({
          id: randomUUID(),
          organisationId,
          conversationId: conversation.id,
          type: ConversationEventType.ContactMerged,
          actorUserId,
          details: { from: source.id, to: target.id, reason: merge.reason },
          createdAt: now,
        })),
      );
    }
    await this.audit.record(
      {
        organisationId,
        actorUserId,
        action: AuditAction.ContactsMerged,
        subjectType: 'contact',
        subjectId: target.id,
        details: { sourceContactId: source.id, conversationsMoved: conversations.length, reason: merge.reason },
      },
      manager,
    );
    return Object.assign(target, patch);
  }
}
