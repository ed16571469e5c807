import { DataSource } from 'typeorm';
import { openSqliteEntities, SqliteEntities } from '../../../test/support/sqlite-entities';
import { Contact, ContactIdentity } from './contact.entity';
import { ContactsService } from './contacts.service';

describe(ContactsService.name, () => {
  const organisationId = '00000000-0000-4000-8000-000000000001';
  const otherOrganisationId = '00000000-0000-4000-8000-000000000002';
  let database: SqliteEntities;
  let source: DataSource;
  let sut: ContactsService;

  const contact = (id: string, name: string, owner = organisationId, phone = '+966500000001'): Partial<Contact> => {
    const now = new Date();
    return { id, organisationId: owner, name, phone, phoneVerified: true, createdAt: now, updatedAt: now };
  };

  beforeAll(async () => {
    database = await openSqliteEntities('contacts', [Contact, ContactIdentity]);
    source = database.source;
    sut = new ContactsService(source.getRepository(Contact), source.getRepository(ContactIdentity));
    await source
      .getRepository(Contact)
      .insert([
        contact('10000000-0000-4000-8000-000000000001', 'أحمد السالم'),
        contact('10000000-0000-4000-8000-000000000002', 'سارة العتيبي'),
        contact('10000000-0000-4000-8000-000000000003', 'احمد من جهة أخرى', otherOrganisationId),
        { ...contact('10000000-0000-4000-8000-000000000004', 'ليلى', organisationId, '+966512345678'), email: 'layla@example.org' },
        contact('10000000-0000-4000-8000-000000000005', 'ليلى من جهة أخرى', otherOrganisationId, '+966512345678'),
      ]);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('should give the ids of the organisation’s contacts whose folded name contains the term, as a sub-query', async () => {
    const scope = sut.nameMatchScope(organisationId, 'احمد');
    const rows = await source
      .createQueryBuilder(Contact, 'outer_contact')
      .where(`outer_contact.id IN (${scope.contactIdsSql})`, scope.parameters)
      .getMany();
    expect(rows.map((row) => row.id)).toEqual(['10000000-0000-4000-8000-000000000001']);
  });

  it('should summarise only the organisation’s contacts, once each, with the fields a list shows', async () => {
    const summaries = await sut.summariesOf(source.manager, organisationId, [
      '10000000-0000-4000-8000-000000000002',
      '10000000-0000-4000-8000-000000000002',
      '10000000-0000-4000-8000-000000000003',
    ]);
    expect(summaries).toEqual([
      { id: '10000000-0000-4000-8000-000000000002', name: 'سارة العتيبي', phone: '+966500000001', phoneVerified: true },
    ]);
    expect(await sut.summariesOf(source.manager, organisationId, [])).toEqual([]);
  });

  it('should give the ids of the organisation’s contacts matching a name or number, as a sub-query the conversation list searches by', async () => {
    const matching = async (term: string, owner = organisationId) => {
      const scope = sut.nameOrNumberMatchScope(owner, term);
      const rows = await source
        .createQueryBuilder(Contact, 'outer_contact')
        .where(`outer_contact.id IN (${scope.contactIdsSql})`, scope.parameters)
        .orderBy('outer_contact.id')
        .getMany();
      return rows.map((row) => row.id);
    };
    expect(await matching('احمد')).toEqual(['10000000-0000-4000-8000-000000000001']);
    // A local number finds the stored international one; the other organisation's holder of the number is not found.
    expect(await matching('0512345678')).toEqual(['10000000-0000-4000-8000-000000000004']);
    expect(await matching('1234')).toEqual(['10000000-0000-4000-8000-000000000004']);
    // Fewer than four digits are not a number search.
    expect(await matching('123')).toEqual([]);
    expect(await matching('0512345678', otherOrganisationId)).toEqual(['10000000-0000-4000-8000-000000000005']);
  });

  it('should give the fields a conversation view shows of the organisation’s contacts only, once each', async () => {
    const cards = await sut.cardsOf(organisationId, [
      '10000000-0000-4000-8000-000000000004',
      '10000000-0000-4000-8000-000000000004',
      '10000000-0000-4000-8000-000000000005',
    ]);
    expect(cards).toEqual([
      { id: '10000000-0000-4000-8000-000000000004', name: 'ليلى', phone: '+966512345678', email: 'layla@example.org' },
    ]);
    expect(await sut.cardsOf(organisationId, [])).toEqual([]);
  });
});
