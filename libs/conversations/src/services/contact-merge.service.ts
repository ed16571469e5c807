import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Contact, ContactIdentity } from '@app/contacts';
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
  ) {}

  async merge(user: AuthenticatedUser, targetId: string, sourceId: string): Promise<Contact> {
    if (targetId === sourceId)
      throw ApiException.validation([{ field: 'sourceContactId', message: 'must differ from the contact merged into' }]);
    return this.transactions.run(async (manager) => {
      const organisationId = user.organisationId;
      const target = await manager.findOneBy(Contact, { id: targetId, organisationId });
      const source = await manager.findOneBy(Contact, { id: sourceId, organisationId });
      if (!target || target.mergedIntoId) throw ApiException.notFound('Contact');
      if (!source || source.mergedIntoId)
        throw ApiException.validation([{ field: 'sourceContactId', message: 'is not a contact of this organisation' }]);
      return this.mergeWithin(manager, { organisationId, target, source, actorUserId: user.id, reason: 'staff' });
    });
  }

  // A web-chat visitor proved, by a code sent to the number, that they are the person the number identifies: their
  // contact joins that person's, inside the caller's transaction. Audited with no staff actor.
  async mergeVerifiedPerson(manager: EntityManager, organisationId: string, targetId: string, sourceId: string): Promise<Contact> {
    const target = await manager.findOneByOrFail(Contact, { id: targetId, organisationId });
    const source = await manager.findOneByOrFail(Contact, { id: sourceId, organisationId });
    return this.mergeWithin(manager, { organisationId, target, source, actorUserId: null, reason: 'phone-verified' });
  }

  private async mergeWithin(
    manager: EntityManager,
    merge: { organisationId: string; target: Contact; source: Contact; actorUserId: string | null; reason: 'staff' | 'phone-verified' },
  ): Promise<Contact> {
    const { organisationId, target, source, actorUserId } = merge;
    const conversations = await manager.find(Conversation, { where: { organisationId, contactId: source.id }, select: { id: true } });
    await manager.update(ContactIdentity, { organisationId, contactId: source.id }, { contactId: target.id });
    await manager.update(Conversation, { organisationId, contactId: source.id }, { contactId: target.id });
    await manager.update(Message, { organisationId, contactId: source.id }, { contactId: target.id });
    const now = new Date();
    const patch: Partial<Contact> = { updatedAt: now };
    if (!target.name && source.name) patch.name = source.name;
    // A verified number or address wins over a claimed one; a claim only fills a gap.
    if (source.phone && (!target.phone || (source.phoneVerified && !target.phoneVerified))) {
      Object.assign(patch, { phone: source.phone, phoneVerified: source.phoneVerified });
    }
    if (source.email && (!target.email || (source.emailVerified && !target.emailVerified))) {
      Object.assign(patch, { email: source.email, emailVerified: source.emailVerified });
    }
    await manager.update(Contact, { id: target.id }, patch);
    await manager.update(Contact, { id: source.id }, { mergedIntoId: target.id, updatedAt: now });
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
