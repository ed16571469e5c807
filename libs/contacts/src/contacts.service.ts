import { containsPattern, foldedContains, foldForSearch } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { Contact, ContactIdentity, IdentityKind } from './contact.entity';
import { normaliseEmail, normalisePhoneNumber } from './phone-number.util';

// Who sent an inbound message. `externalId`, `phone` and `email` are identities the channel asserts (an SMS
// sender, the association's signed app, a web-chat identifier signed by its site): they find and join contacts.
// `claimedPhone` and `claimedEmail` are what a person typed into a form: kept on a new contact, unverified, and
// never used to find anyone (docs/architecture.md, "Who a sender is").
export interface SenderIdentity {
  externalId?: string;
  name?: string;
  phone?: string;
  email?: string;
  claimedPhone?: string;
  claimedEmail?: string;
}

// Already normalised by the caller; null clears the field, undefined leaves it.
export interface ContactCorrection {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

// Limits contact reads to a set of contact ids given as a sub-query (PDPL: an officer sees the contacts of the
// conversations they may see). Built by the conversations module, which knows who may see what.
export interface ContactScope {
  contactIdsSql: string;
  parameters: Record<string, unknown>;
}

// A contact as another module's list shows it.
export type ContactSummary = Pick<Contact, 'id' | 'name' | 'phone' | 'phoneVerified'>;

// A contact as a conversation view shows it.
export type ContactCard = Pick<Contact, 'id' | 'name' | 'phone' | 'email'>;

export type PhoneVerificationOutcome =
  // The number was nobody's identity: it is now this contact's, verified.
  | { kind: 'verified'; contactId: string }
  // The number already identifies another contact: the caller merges the verified person into that one.
  | { kind: 'belongs-to'; contactId: string };

interface IdentityKey {
  kind: IdentityKind;
  scope: string;
  value: string;
}

// One inbound sender to resolve; `newContactId` is the id a new contact gets (see resolveSender).
export interface SenderToResolve {
  organisationId: string;
  inboxId: string;
  sender: SenderIdentity;
  newContactId?: string;
}

// Priority when identities point at different contacts: the inbox's own id is the strongest evidence.
const PRIORITY: IdentityKind[] = [IdentityKind.External, IdentityKind.Phone, IdentityKind.Email];

// One key per identity, for the advisory lock and for matching what was found.
function lockKeyOf(organisationId: string, key: IdentityKey): string {
  return `${organisationId}|${key.kind}|${key.scope}|${key.value}`;
}

// What a contact lacks and this sender gives. An asserted number replaces a merely claimed one; a claim never
// replaces anything.
function profilePatch(contact: Contact, sender: SenderIdentity, keys: IdentityKey[]): Partial<Contact> {
  const patch: Partial<Contact> = {};
  if (!contact.name && sender.name?.trim()) patch.name = sender.name.trim();
  const phone = keys.find((key) => key.kind === IdentityKind.Phone)?.value;
  const claimedPhone = normalisePhoneNumber(sender.claimedPhone);
  if (phone && (!contact.phone || !contact.phoneVerified)) Object.assign(patch, { phone, phoneVerified: true });
  else if (!contact.phone && claimedPhone) Object.assign(patch, { phone: claimedPhone, phoneVerified: false });
  const email = keys.find((key) => key.kind === IdentityKind.Email)?.value;
  const claimedEmail = normaliseEmail(sender.claimedEmail);
  if (email && (!contact.email || !contact.emailVerified)) Object.assign(patch, { email, emailVerified: true });
  else if (!contact.email && claimedEmail) Object.assign(patch, { email: claimedEmail, emailVerified: false });
  return patch;
}

@Injectable()
export class ContactsService {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    @InjectRepository(ContactIdentity) private readonly identities: Repository<ContactIdentity>,
  ) {}

  // Finds the contact behind one inbound sender or creates one, inside the caller's transaction: resolveSenders for
  // a single sender, so the one-by-one path and the batch path follow one algorithm. `newContactId` is the id a new
  // contact gets, when the caller already told someone (a web-chat visitor) which it will be.
  async resolveSender(
    manager: EntityManager,
    organisationId: string,
    inboxId: string,
    sender: SenderIdentity,
    newContactId?: string,
  ): Promise<Contact> {
    const [contact] = await this.resolveSenders(manager, [{ organisationId, inboxId, sender, newContactId }]);
    return contact;
  }

  // Finds the contacts behind inbound senders or creates them, inside the caller's transaction, in a handful of
  // statements whatever their number: lock every identity key, read them at once, lock the known contacts in id
  // order, create what is new (senders who share a key get one contact), add missing identities, fill what the
  // contacts lack. Results follow `senders`.
  async resolveSenders(manager: EntityManager, senders: SenderToResolve[]): Promise<Contact[]> {
    const isPostgres = manager.connection.options.type === 'postgres';
    const now = new Date();
    const requests = senders.map((item) => ({ ...item, keys: this.identityKeys(item.inboxId, item.sender) }));
    const allKeys = new Map(
      requests.flatMap((request) =>
        request.keys.map((key) => [lockKeyOf(request.organisationId, key), { organisationId: request.organisationId, ...key }] as const),
      ),
    );
    if (isPostgres && allKeys.size > 0) {
      // Messages of one sender are applied one at a time, so a new sender's first messages never race to create two
      // contacts. Locks are taken in a fixed order so two senders sharing a number cannot deadlock. SQLite runs one
      // transaction at a time.
      await manager.query(
        'SELECT pg_advisory_xact_lock(hashtextextended(lock_key, 0)) FROM unnest($1::text[]) AS lock_key ORDER BY lock_key',
        [[...allKeys.keys()]],
      );
    }
    const known = await this.knownIdentities(manager, [...allKeys.values()], isPostgres);

    const newContacts = new Map<string, Contact>();
    const newIdentities: Array<{ organisationId: string; contactId: string } & IdentityKey> = [];
    const contactIds = requests.map((request) => {
      const best = PRIORITY.map((kind) =>
        request.keys.find((key) => key.kind === kind && known.has(lockKeyOf(request.organisationId, key))),
      ).find(Boolean);
      let contactId = best ? known.get(lockKeyOf(request.organisationId, best))! : undefined;
      if (!contactId) {
        const contact = this.newContact(manager, request.organisationId, request.sender, request.keys, now, request.newContactId);
        newContacts.set(contact.id, contact);
        contactId = contact.id;
      }
      // A key already known for someone else stays theirs; staff can merge the two if they are one person.
      for (const key of request.keys) {
        if (known.has(lockKeyOf(request.organisationId, key))) continue;
        known.set(lockKeyOf(request.organisationId, key), contactId);
        newIdentities.push({ organisationId: request.organisationId, contactId, ...key });
      }
      return contactId;
    });

    const existingIds = [...new Set(contactIds)].filter((id) => !newContacts.has(id)).sort();
    const existing = existingIds.length > 0 ? await this.lockContacts(manager, existingIds, requests, isPostgres) : [];
    const byId = new Map([...existing, ...newContacts.values()].map((contact) => [contact.id, contact]));
    // Later senders fill what a contact lacks, in order: a new contact's in memory before it is inserted, a known
    // contact's with one UPDATE.
    const patches = new Map<string, Partial<Contact>>();
    for (const [index, request] of requests.entries()) {
      const contact = byId.get(contactIds[index]);
      if (!contact) throw new Error(`The contact of an identity of organisation ${request.organisationId} is gone`);
      const patch = profilePatch(contact, request.sender, request.keys);
      if (Object.keys(patch).length === 0) continue;
      Object.assign(contact, patch, { updatedAt: now });
      if (!newContacts.has(contact.id)) patches.set(contact.id, { ...patches.get(contact.id), ...patch });
    }
    if (newContacts.size > 0) await manager.insert(Contact, [...newContacts.values()]);
    if (newIdentities.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ContactIdentity)
        .values(newIdentities.map((identity) => ({ id: randomUUID(), ...identity, createdAt: now })))
        .orIgnore()
        .execute();
    }
    for (const [id, patch] of patches) await manager.update(Contact, { id }, { ...patch, updatedAt: now });
    return contactIds.map((id) => byId.get(id)!);
  }

  // The contact each known identity key belongs to, keyed like the advisory locks.
  private async knownIdentities(
    manager: EntityManager,
    keys: Array<{ organisationId: string } & IdentityKey>,
    isPostgres: boolean,
  ): Promise<Map<string, string>> {
    const known = new Map<string, string>();
    if (keys.length === 0) return known;
    if (isPostgres) {
      const rows: Array<{ organisation_id: string; kind: IdentityKind; scope: string; value: string; contact_id: string }> =
        await manager.query(
          `SELECT organisation_id, kind, scope, value, contact_id FROM contact_identities
            WHERE (organisation_id, kind, scope, value) IN (SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[]))`,
          [keys.map((key) => key.organisationId), keys.map((key) => key.kind), keys.map((key) => key.scope), keys.map((key) => key.value)],
        );
      for (const row of rows) known.set(lockKeyOf(row.organisation_id, row), row.contact_id);
      return known;
    }
    // SQLite has no unnest; only the one-by-one path runs there, with a sender's few keys.
    const rows = await manager
      .createQueryBuilder(ContactIdentity, 'identity')
      .where(
        new Brackets((any) =>
          keys.forEach((key, index) =>
            any.orWhere(
              `(identity.organisationId = :organisation${index} AND identity.kind = :kind${index} AND identity.scope = :scope${index} AND identity.value = :value${index})`,
              {
                [`organisation${index}`]: key.organisationId,
                [`kind${index}`]: key.kind,
                [`scope${index}`]: key.scope,
                [`value${index}`]: key.value,
              },
            ),
          ),
        ),
      )
      .getMany();
    for (const row of rows) known.set(lockKeyOf(row.organisationId, row), row.contactId);
    return known;
  }

  // Row locks in id order (PostgreSQL), so the caller's find-or-open of a conversation never runs twice at once for
  // one person.
  private async lockContacts(
    manager: EntityManager,
    ids: string[],
    requests: Array<{ organisationId: string }>,
    isPostgres: boolean,
  ): Promise<Contact[]> {
    const query = manager
      .createQueryBuilder(Contact, 'contact')
      .where('contact.id IN (:...ids)', { ids })
      .andWhere('contact.organisationId IN (:...organisationIds)', {
        organisationIds: [...new Set(requests.map((request) => request.organisationId))],
      })
      .orderBy('contact.id');
    if (isPostgres) query.setLock('pessimistic_write');
    return query.getMany();
  }

  // A person proved that a number is theirs (they entered a code sent to it). Inside the caller's transaction:
  // if the number identifies nobody yet it becomes this contact's identity; if it identifies another contact,
  // that contact is the person, and the caller merges this one into it.
  async verifyPhone(manager: EntityManager, organisationId: string, contactId: string, phone: string): Promise<PhoneVerificationOutcome> {
    const key: IdentityKey = { kind: IdentityKind.Phone, scope: '', value: phone };
    if (manager.connection.options.type === 'postgres') {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockKeyOf(organisationId, key)]);
    }
    const holder = await manager.findOneBy(ContactIdentity, { organisationId, ...key });
    if (holder && holder.contactId !== contactId) return { kind: 'belongs-to', contactId: holder.contactId };
    const now = new Date();
    if (!holder) await manager.insert(ContactIdentity, { id: randomUUID(), organisationId, contactId, ...key, createdAt: now });
    await manager.update(Contact, { id: contactId, organisationId }, { phone, phoneVerified: true, updatedAt: now });
    return { kind: 'verified', contactId };
  }

  // A person whose details staff typed in (a walk-in visit, a branch office) or who filled in a public form: a new
  // contact holding the number as a claim, unverified, joined to nobody (docs/architecture.md, "Who a sender is").
  async createWithClaims(
    manager: EntityManager,
    organisationId: string,
    sender: Pick<SenderIdentity, 'name' | 'claimedPhone' | 'claimedEmail'>,
  ): Promise<Contact> {
    const contact = this.newContact(manager, organisationId, sender, [], new Date());
    await manager.insert(Contact, contact);
    return contact;
  }

  // One contact of the organisation, read inside the caller's transaction.
  async findWithin(manager: EntityManager, organisationId: string, contactId: string): Promise<Contact | null> {
    return manager.findOneBy(Contact, { id: contactId, organisationId });
  }

  // Two contacts are one person (staff decided, or a web-chat visitor verified the number): the source's identities
  // move to the target, the target keeps the better name, number and address, and the source points at the target.
  // Returns what changed on the target. Conversations move their own rows (ContactMergeService).
  async mergeRecords(manager: EntityManager, organisationId: string, target: Contact, source: Contact): Promise<Partial<Contact>> {
    await manager.update(ContactIdentity, { organisationId, contactId: source.id }, { contactId: target.id });
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
    return patch;
  }

  // The contact a record points at, following staff merges (a merged contact's records belong to the one it joined).
  async current(manager: EntityManager, organisationId: string, contactId: string): Promise<Contact | null> {
    let contact = await manager.findOneBy(Contact, { id: contactId, organisationId });
    for (let hop = 0; contact?.mergedIntoId && hop < 10; hop += 1) {
      contact = await manager.findOneBy(Contact, { id: contact.mergedIntoId, organisationId });
    }
    return contact;
  }

  async findInOrganisation(organisationId: string, contactId: string): Promise<Contact | null> {
    return this.contacts.findOneBy({ id: contactId, organisationId });
  }

  // The sender id a contact uses inside one inbox (an app user id, a web-chat visitor), for replies.
  async externalIdIn(organisationId: string, contactId: string, inboxId: string): Promise<string | undefined> {
    const identity = await this.identities.findOne({
      where: { organisationId, contactId, kind: IdentityKind.External, scope: inboxId },
      order: { createdAt: 'ASC' },
    });
    return identity?.value;
  }

  // The contact a sender id identifies inside one inbox (a web-chat visitor), if any.
  async contactIdOfExternal(organisationId: string, inboxId: string, externalId: string): Promise<string | undefined> {
    const identity = await this.identities.findOneBy({ organisationId, kind: IdentityKind.External, scope: inboxId, value: externalId });
    return identity?.contactId;
  }

  // Whether a contact row has this id, anonymised or not (a web-chat visitor's announced id may be taken).
  exists(manager: EntityManager, contactId: string): Promise<boolean> {
    return manager.existsBy(Contact, { id: contactId });
  }

  async identitiesOf(organisationId: string, contactId: string): Promise<ContactIdentity[]> {
    return this.identities.find({ where: { organisationId, contactId }, order: { createdAt: 'ASC' } });
  }

  // Contacts that staff merged into this one: their rows still hold the person's old name and number.
  async mergedInto(manager: EntityManager, organisationId: string, contactId: string): Promise<Contact[]> {
    return manager.findBy(Contact, { organisationId, mergedIntoId: contactId });
  }

  // Staff correct a contact's record (PDPL right to correction). A number or address typed by staff is a claim, like
  // one typed into a form: it is verified only when a provider-asserted identity of this contact already backs it.
  async correct(manager: EntityManager, organisationId: string, contactId: string, correction: ContactCorrection): Promise<string[]> {
    const contact = await manager.findOneByOrFail(Contact, { id: contactId, organisationId });
    const identities = await manager.findBy(ContactIdentity, { organisationId, contactId });
    const asserted = (kind: IdentityKind, value: string) =>
      identities.some((identity) => identity.kind === kind && identity.value === value);
    const patch: Partial<Contact> = {};
    if (correction.name !== undefined && (correction.name?.trim() || null) !== contact.name) patch.name = correction.name?.trim() || null;
    if (correction.phone !== undefined && correction.phone !== contact.phone) {
      Object.assign(patch, {
        phone: correction.phone,
        phoneVerified: correction.phone !== null && asserted(IdentityKind.Phone, correction.phone),
      });
    }
    if (correction.email !== undefined && correction.email !== contact.email) {
      Object.assign(patch, {
        email: correction.email,
        emailVerified: correction.email !== null && asserted(IdentityKind.Email, correction.email),
      });
    }
    const changed = (['name', 'phone', 'email'] as const).filter((field) => field in patch);
    if (changed.length > 0) await manager.update(Contact, { id: contactId, organisationId }, { ...patch, updatedAt: new Date() });
    return changed;
  }

  // An erasure first takes the locks an inbound message of these contacts holds while it is applied (resolveSenders),
  // so no message lands on a contact halfway through its erasure; a later one finds no identity and makes a new contact.
  async lockIdentitiesOf(manager: EntityManager, organisationId: string, contactIds: string[]): Promise<void> {
    if (manager.connection.options.type !== 'postgres' || contactIds.length === 0) return;
    const identities = await manager.findBy(ContactIdentity, { organisationId, contactId: In(contactIds) });
    const lockKeys = identities.map((identity) => lockKeyOf(organisationId, identity));
    await manager.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(lock_key, 0)) FROM unnest($1::text[]) AS lock_key ORDER BY lock_key',
      [lockKeys],
    );
  }

  // Erasure (PDPL): the identities go in both modes, so the person can no longer be found or joined; 'delete' removes
  // the contact rows, 'anonymise' keeps them, nameless, for statistics. Returns how many identities were removed.
  // The stored profile picture of a contact, if a channel shared one.
  async picturePathOf(organisationId: string, contactId: string): Promise<string | null> {
    const row = await this.contacts.findOne({ select: { id: true, picturePath: true }, where: { organisationId, id: contactId } });
    return row?.picturePath ?? null;
  }

  async setPicture(manager: EntityManager, organisationId: string, contactId: string, picturePath: string): Promise<void> {
    await manager.update(Contact, { organisationId, id: contactId }, { picturePath, updatedAt: new Date() });
  }

  // The files an erasure must remove with the rows.
  async picturePathsOf(manager: EntityManager, organisationId: string, contactIds: string[]): Promise<string[]> {
    if (contactIds.length === 0) return [];
    const rows = await manager.find(Contact, {
      select: { id: true, picturePath: true },
      where: { organisationId, id: In(contactIds), picturePath: Not(IsNull()) },
    });
    return rows.map((row) => row.picturePath).filter((path): path is string => Boolean(path));
  }

  async erase(manager: EntityManager, organisationId: string, contactIds: string[], mode: 'delete' | 'anonymise'): Promise<number> {
    if (contactIds.length === 0) return 0;
    const removed = await manager.delete(ContactIdentity, { organisationId, contactId: In(contactIds) });
    if (mode === 'delete') await manager.delete(Contact, { organisationId, id: In(contactIds) });
    else {
      await manager.update(
        Contact,
        { organisationId, id: In(contactIds) },
        { name: null, phone: null, email: null, phoneVerified: false, emailVerified: false, picturePath: null, updatedAt: new Date() },
      );
    }
    return removed.affected ?? 0;
  }

  async search(
    organisationId: string,
    options: { q?: string; limit: number; before?: { createdAt: Date; id: string }; scope?: ContactScope },
  ): Promise<Contact[]> {
    const query = this.contacts
      .createQueryBuilder('contact')
      .where('contact.organisationId = :organisationId', { organisationId })
      .andWhere({ mergedIntoId: IsNull() })
      .orderBy('contact.createdAt', 'DESC')
      .addOrderBy('contact.id', 'DESC')
      .take(options.limit);
    if (options.scope) query.andWhere(`contact.id IN (${options.scope.contactIdsSql})`, options.scope.parameters);
    const term = options.q?.trim();
    if (term) {
      const pattern = containsPattern(term);
      const digits = foldForSearch(term).replace(/\D/g, '');
      const phone = normalisePhoneNumber(term);
      query.andWhere(
        new Brackets((any) => {
          any.where(foldedContains('contact.name', 'nameTerm'), { nameTerm: pattern });
          // E-mail addresses are stored lower-cased.
          any.orWhere("contact.email LIKE :emailTerm ESCAPE '\\'", { emailTerm: pattern });
          if (phone || digits.length >= 4) {
            any.orWhere('contact.phone LIKE :phoneTerm', { phoneTerm: `%${phone ?? digits.replace(/^0+/, '')}%` });
          }
        }),
      );
    }
    if (options.before) {
      query.andWhere(
        new Brackets((page) =>
          page
            .where('contact.createdAt < :createdAt', { createdAt: options.before!.createdAt })
            .orWhere('(contact.createdAt = :createdAt AND contact.id < :id)', { id: options.before!.id }),
        ),
      );
    }
    return query.getMany();
  }

  // A new contact: asserted phone and e-mail are verified; a claimed one is kept, marked unverified.
  private newContact(
    manager: EntityManager,
    organisationId: string,
    sender: SenderIdentity,
    keys: IdentityKey[],
    now: Date,
    id: string = randomUUID(),
  ): Contact {
    const phone = keys.find((key) => key.kind === IdentityKind.Phone)?.value;
    const email = keys.find((key) => key.kind === IdentityKind.Email)?.value;
    return manager.create(Contact, {
      id,
      organisationId,
      name: sender.name?.trim() || null,
      phone: phone ?? normalisePhoneNumber(sender.claimedPhone) ?? null,
      phoneVerified: phone !== undefined,
      email: email ?? normaliseEmail(sender.claimedEmail) ?? null,
      emailVerified: email !== undefined,
      mergedIntoId: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  identityKeys(inboxId: string, sender: SenderIdentity): IdentityKey[] {
    const keys: IdentityKey[] = [];
    if (sender.externalId) keys.push({ kind: IdentityKind.External, scope: inboxId, value: sender.externalId.trim() });
    const phone = normalisePhoneNumber(sender.phone);
    if (phone) keys.push({ kind: IdentityKind.Phone, scope: '', value: phone });
    const email = normaliseEmail(sender.email);
    if (email) keys.push({ kind: IdentityKind.Email, scope: '', value: email });
    return keys;
  }

  // The ids of an organisation's contacts whose name contains the term, as a sub-query: another module's list filters
  // by it in SQL, under its own ordering and limit (support requests searched by the beneficiary's name).
  nameMatchScope(organisationId: string, term: string): ContactScope {
    return this.matchScope(organisationId, term, false);
  }

  // The same, or whose number contains the term when it has four digits or more (leading zeros dropped: a local
  // 05… number matches the stored +9665…): the conversation list's search.
  nameOrNumberMatchScope(organisationId: string, term: string): ContactScope {
    return this.matchScope(organisationId, term, true);
  }

  private matchScope(organisationId: string, term: string, byNumber: boolean): ContactScope {
    const digits = byNumber ? foldForSearch(term).replace(/\D/g, '') : '';
    const query = this.contacts
      .createQueryBuilder('matched_contact')
      .select('matched_contact.id')
      .where('matched_contact.organisationId = :matchedOrganisationId', { matchedOrganisationId: organisationId })
      .andWhere(
        new Brackets((any) => {
          any.where(foldedContains('matched_contact.name', 'matchedName'), { matchedName: containsPattern(term) });
          if (digits.length >= 4) {
            any.orWhere('matched_contact.phone LIKE :matchedDigits', { matchedDigits: `%${digits.replace(/^0+/, '')}%` });
          }
        }),
      );
    return { contactIdsSql: query.getQuery(), parameters: query.getParameters() };
  }

  // What the conversation views of a page show of their contacts, in one query over at most the page's limit.
  async cardsOf(organisationId: string, contactIds: string[]): Promise<ContactCard[]> {
    const wanted = [...new Set(contactIds)];
    if (wanted.length === 0) return [];
    return this.contacts.find({
      select: { id: true, name: true, phone: true, email: true },
      where: { organisationId, id: In(wanted) },
    });
  }

  // What a list row shows of its contacts (a page of requests or records), as the rows are: merges not followed.
  async summariesOf(manager: EntityManager, organisationId: string, contactIds: string[]): Promise<ContactSummary[]> {
    const wanted = [...new Set(contactIds)];
    if (wanted.length === 0) return [];
    return manager.find(Contact, {
      select: { id: true, name: true, phone: true, phoneVerified: true },
      where: { organisationId, id: In(wanted) },
    });
  }
}
