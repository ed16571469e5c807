import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { ContactsService, normaliseEmail, normalisePhoneNumber } from '@app/contacts';
import type { Contact } from '@app/contacts/entities';
import { ContactConversationData, ConversationPersonalDataService } from '@app/conversations';
import { TransactionRunner } from '@app/database';
import { AuthenticatedUser } from '@app/identity';
import { AttachmentStore } from '@app/storage';
import { ContactRequestData, RequestPersonalDataService } from '@app/requests';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { removeAttachmentFiles } from './attachment-files.util';
import { ContactExportFormat, CorrectContactDto, EraseContactDto } from './privacy.dto';

export interface ContactExport extends ContactConversationData, ContactRequestData {
  exportedAt: string;
  contact: Pick<Contact, 'id' | 'name' | 'phone' | 'phoneVerified' | 'email' | 'emailVerified' | 'createdAt' | 'updatedAt'>;
  // Records staff merged into this contact: they hold the person's earlier name and number.
  mergedContacts: Array<Pick<Contact, 'id' | 'name' | 'phone' | 'email' | 'createdAt'>>;
  identities: Array<{ kind: string; value: string; inboxId: string | null; createdAt: Date }>;
}

export interface ErasureFigures {
  mode: 'delete' | 'anonymise';
  contacts: number;
  identities: number;
  conversations: number;
  messages: number;
  calls: number;
  payloads: number;
  attachments: number;
  supportRequests: number;
  requestDocuments: number;
}

// The beneficiary's PDPL rights over what Wasl holds about them: a copy, a correction, an erasure. Each is audited
// with who, when and how much, never with the data itself.
@Injectable()
export class ContactPrivacyService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly conversationData: ConversationPersonalDataService,
    private readonly requestData: RequestPersonalDataService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: AttachmentStore,
  ) {}

  async export(user: AuthenticatedUser, contactId: string, format: ContactExportFormat): Promise<ContactExport> {
    const contact = await this.require(user.organisationId, contactId);
    const organisationId = user.organisationId;
    const merged = await this.contacts.mergedInto(this.dataSource.manager, organisationId, contactId);
    const contactIds = [contactId, ...merged.map((other) => other.id)];
    const identities = await this.contacts.identitiesOf(organisationId, contactId);
    const data = await this.conversationData.exportFor(organisationId, contactIds);
    const requests = await this.requestData.exportFor(this.dataSource.manager, organisationId, contactIds);
    await this.audit.record({
      organisationId,
      actorUserId: user.id,
      action: AuditAction.ContactExported,
      subjectType: 'contact',
      subjectId: contactId,
      details: {
        format,
        conversations: data.conversations.length,
        messages: data.messages.length,
        supportRequests: requests.supportRequests.length,
      },
    });
    return {
      exportedAt: new Date().toISOString(),
      contact: {
        id: contact.id,
        name: contact.name,
        phone: contact.phone,
        phoneVerified: contact.phoneVerified,
        email: contact.email,
        emailVerified: contact.emailVerified,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
      },
      mergedContacts: merged.map(({ id, name, phone, email, createdAt }) => ({ id, name, phone, email, createdAt })),
      identities: identities.map(({ kind, value, scope, createdAt }) => ({ kind, value, inboxId: scope || null, createdAt })),
      ...data,
      ...requests,
    };
  }

  async correct(user: AuthenticatedUser, contactId: string, input: CorrectContactDto): Promise<Contact> {
    const organisationId = user.organisationId;
    await this.require(organisationId, contactId);
    const phone = input.phone === undefined || input.phone === null ? input.phone : normalisePhoneNumber(input.phone);
    if (phone === undefined && input.phone !== undefined)
      throw ApiException.validation([{ field: 'phone', message: 'is not a valid phone number' }]);
    const email = input.email === undefined || input.email === null ? input.email : normaliseEmail(input.email);
    if (email === undefined && input.email !== undefined)
      throw ApiException.validation([{ field: 'email', message: 'is not a valid e-mail' }]);
    return this.transactions.run(async (manager) => {
      const changed = await this.contacts.correct(manager, organisationId, contactId, { name: input.name, phone, email });
      // The fields, not their values: the audit log must not become a second copy of the personal data.
      if (changed.length > 0)
        await this.audit.record(
          {
            organisationId,
            actorUserId: user.id,
            action: AuditAction.ContactCorrected,
            subjectType: 'contact',
            subjectId: contactId,
            details: { fields: changed },
          },
          manager,
        );
      const corrected = await this.contacts.findWithin(manager, organisationId, contactId);
      if (!corrected) throw ApiException.notFound('Contact');
      return corrected;
    });
  }

  async erase(user: AuthenticatedUser, contactId: string, input: EraseContactDto): Promise<ErasureFigures> {
    const organisationId = user.organisationId;
    await this.require(organisationId, contactId);
    if (input.confirm !== contactId) throw ApiException.validation([{ field: 'confirm', message: 'must repeat the contact id' }]);
    const { figures, attachmentUrls, requestIds } = await this.transactions.run(async (manager) => {
      const merged = await this.contacts.mergedInto(manager, organisationId, contactId);
      const contactIds = [contactId, ...merged.map((other) => other.id)];
      await this.contacts.lockIdentitiesOf(manager, organisationId, contactIds);
      const pictures = await this.contacts.picturePathsOf(manager, organisationId, contactIds);
      const erased = await this.conversationData.eraseForContacts(manager, organisationId, contactIds, input.mode);
      const requests = await this.requestData.eraseForContacts(manager, organisationId, contactIds, input.mode);
      const identities = await this.contacts.erase(manager, organisationId, contactIds, input.mode);
      const result: ErasureFigures = {
        mode: input.mode,
        contacts: contactIds.length,
        identities,
        conversations: erased.conversations,
        messages: erased.messages,
        calls: erased.calls,
        payloads: erased.payloads,
        attachments: erased.attachmentUrls.length,
        supportRequests: requests.requests,
        requestDocuments: requests.documents,
      };
      await this.audit.record(
        {
          organisationId,
          actorUserId: user.id,
          action: AuditAction.ContactErased,
          subjectType: 'contact',
          subjectId: contactId,
          details: { ...result },
        },
        manager,
      );
      return { figures: result, attachmentUrls: [...erased.attachmentUrls, ...pictures], requestIds: requests.requestIds };
    });
    // After the commit: a rolled-back erasure must not have lost the files.
    await removeAttachmentFiles(this.files, attachmentUrls, { wholeFolders: true });
    await this.requestData.removeFilesOf(organisationId, requestIds);
    return figures;
  }

  private async require(organisationId: string, contactId: string): Promise<Contact> {
    const contact = await this.contacts.findInOrganisation(organisationId, contactId);
    if (!contact) throw ApiException.notFound('Contact');
    return contact;
  }
}
