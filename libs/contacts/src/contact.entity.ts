import { PrimaryUuidColumn, TimestampColumn, UuidColumn } from '@app/database';
import { Column, Entity, Index } from 'typeorm';

// A beneficiary (مستفيد) or anyone who writes to the association, across all channels.
@Entity('contacts')
@Index(['organisationId', 'createdAt'])
// Trigram index on wasl_search_fold(name), PostgreSQL only (migration AddArabicSearch): TypeORM cannot describe it.
@Index('IDX_contacts_name_search', { synchronize: false })
export class Contact {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) name: string | null;
  // E.164, e.g. +966512345678.
  @Column({ type: 'varchar', length: 20, nullable: true }) @Index() phone: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  // False while the number or address is only what someone typed into a form (a claim): staff see it, but it is
  // not an identity, so it never joins this contact to anyone else's conversations. True once a provider
  // asserted it (an SMS or WhatsApp sender, the association's signed app) or the person entered a code sent to it.
  @Column({ type: 'boolean', default: false }) phoneVerified: boolean;
  @Column({ type: 'boolean', default: false }) emailVerified: boolean;
  // Set when staff merged this contact into another; its identities and conversations moved there.
  @UuidColumn({ nullable: true }) mergedIntoId: string | null;
  // The profile picture a channel shares (Messenger, Instagram), kept in the attachment store; a bare path that
  // grants nothing, read only through the audited contact route, so not selected with the rest of the row.
  @Column({ type: 'varchar', length: 120, nullable: true, select: false }) picturePath: string | null;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() updatedAt: Date;
}

export enum IdentityKind {
  Phone = 'phone',
  Email = 'email',
  // The sender's id inside one inbox (an app user id, a web-chat visitor): scoped to that inbox.
  External = 'external',
}

// One way of reaching a contact. Phone and e-mail are organisation-wide, so the same number on SMS and
// WhatsApp is one person; external ids are only meaningful inside their inbox.
@Entity('contact_identities')
@Index(['organisationId', 'kind', 'scope', 'value'], { unique: true })
export class ContactIdentity {
  @PrimaryUuidColumn() id: string;
  @UuidColumn() organisationId: string;
  @UuidColumn() @Index() contactId: string;
  @Column({ type: 'varchar', length: 20 }) kind: IdentityKind;
  // The inbox id for external identities, '' for phone and e-mail.
  @Column({ type: 'varchar', length: 36, default: '' }) scope: string;
  @Column({ type: 'varchar', length: 320 }) value: string;
  @TimestampColumn() createdAt: Date;
}
