import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Contact, ContactIdentity } from '@app/contacts';
import { AuthenticatedUser } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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

      const conversations = await manager.find(Conversation, { where: { organisationId, contactId: sourceId }, select: { id: true } });
      await manager.update(ContactIdentity, { organisationId, contactId: sourceId }, { contactId: targetId });
      await manager.update(Conversation, { organisationId, contactId: sourceId }, { contactId: targetId });
      await manager.update(Message, { organisationId, contactId: sourceId }, { contactId: targetId });
      const now = new Date();
      const patch: Partial<Contact> = { updatedAt: now };
      if (!target.name && source.name) patch.name = source.name;
      if (!target.phone && source.phone) patch.phone = source.phone;
      if (!target.email && source.email) patch.email = source.email;
      await manager.update(Contact, { id: targetId }, patch);
      await manager.update(Contact, { id: sourceId }, { mergedIntoId: targetId, updatedAt: now });
      if (conversations.length > 0) {
        await manager.insert(
          ConversationEvent,
          conversations.map((conversation) => ({
            id: randomUUID(),
            organisationId,
            conversationId: conversation.id,
            type: ConversationEventType.ContactMerged,
            actorUserId: user.id,
            details: { from: sourceId, to: targetId },
            createdAt: now,
          })),
        );
      }
      await this.audit.record(
        {
          organisationId,
          actorUserId: user.id,
          action: AuditAction.ContactsMerged,
          subjectType: 'contact',
          subjectId: targetId,
          details: { sourceContactId: sourceId, conversationsMoved: conversations.length },
        },
        manager,
      );
      return Object.assign(target, patch);
    });
  }
}
