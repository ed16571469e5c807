import { ChannelKind } from '@app/channels';
import { TransactionRunner } from '@app/database';
import { TeamsService, UserRole, UsersService } from '@app/identity';
import { Team, TeamMember, User } from '@app/identity/entities';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { openSqliteEntities, SqliteEntities } from '../../../test/support/sqlite-entities';
import { accessibleInboxIdsSql } from './inbox-access-sql.util';
import { InboxAccess } from './inbox-access.entity';
import { InboxAccessService } from './inbox-access.service';
import { Inbox } from './inbox.entity';
import { InboxesService } from './inboxes.service';

// The reads other modules make of inboxes and their access lists, and the lists' checks of teams and users through
// identity: each answers within one organisation only.
describe(InboxAccessService.name, () => {
  const organisationId = '00000000-0000-4000-8000-000000000001';
  const otherOrganisationId = '00000000-0000-4000-8000-000000000002';
  const smsInboxId = '50000000-0000-4000-8000-000000000001';
  const disabledInboxId = '50000000-0000-4000-8000-000000000002';
  const otherInboxId = '50000000-0000-4000-8000-000000000003';
  const teamId = '20000000-0000-4000-8000-000000000001';
  const otherTeamId = '20000000-0000-4000-8000-000000000002';
  const memberId = '30000000-0000-4000-8000-000000000001';
  const namedId = '30000000-0000-4000-8000-000000000002';
  const outsiderId = '30000000-0000-4000-8000-000000000003';
  const otherUserId = '30000000-0000-4000-8000-000000000004';
  let database: SqliteEntities;
  let source: DataSource;
  let sut: InboxAccessService;
  let inboxes: InboxesService;

  beforeAll(async () => {
    database = await openSqliteEntities('inbox-access', [Inbox, InboxAccess, Team, TeamMember, User]);
    source = database.source;
    const { config } = database;
    const transactions = new TransactionRunner(source);
    const teams = new TeamsService(transactions, source.getRepository(Team), source.getRepository(TeamMember), source.getRepository(User));
    const users = new UsersService(transactions, source.getRepository(User), source.getRepository(Team), source.getRepository(TeamMember));
    sut = new InboxAccessService(source.getRepository(InboxAccess), transactions, teams, users);
    // Only the constructor sees Redis: these reads never announce a change.
    inboxes = new InboxesService(source.getRepository(Inbox), transactions, {} as Redis, config);
    const createdAt = new Date();
    const inbox = (id: string, name: string, owner: string, active: boolean) => ({
      id,
      organisationId: owner,
      name,
      channel: ChannelKind.Sms,
      provider: 'log',
      teamId: null,
      settings: {},
      sealedSecrets: 'sealed',
      active,
      createdAt,
    });
    await source
      .getRepository(Inbox)
      .insert([
        inbox(smsInboxId, 'الرسائل', organisationId, true),
        inbox(disabledInboxId, 'القديم', organisationId, false),
        inbox(otherInboxId, 'الرسائل', otherOrganisationId, true),
      ]);
    await source.getRepository(Team).insert([
      { id: teamId, organisationId, name: 'الاستقبال', isBranch: false, createdAt },
      { id: otherTeamId, organisationId: otherOrganisationId, name: 'الاستقبال', isBranch: false, createdAt },
    ]);
    const person = (id: string, owner: string) => ({
      id,
      organisationId: owner,
      email: `${id}@example.org`,
      name: id,
      role: UserRole.Officer,
      passwordHash: 'x',
      active: true,
      createdAt,
    });
    await source
      .getRepository(User)
      .insert([
        person(memberId, organisationId),
        person(namedId, organisationId),
        person(outsiderId, organisationId),
        person(otherUserId, otherOrganisationId),
      ]);
    await source
      .getRepository(TeamMember)
      .insert([{ id: '40000000-0000-4000-8000-000000000001', organisationId, teamId, userId: memberId }]);
    await sut.replace(organisationId, smsInboxId, { teamIds: [teamId], userIds: [namedId] });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('should tell whether an inbox’s list names a user directly or through a team, within the organisation only', async () => {
    const manager = source.manager;
    expect(await sut.namesUserWithin(manager, organisationId, smsInboxId, memberId)).toBe(true);
    expect(await sut.namesUserWithin(manager, organisationId, smsInboxId, namedId)).toBe(true);
    expect(await sut.namesUserWithin(manager, organisationId, smsInboxId, outsiderId)).toBe(false);
    expect(await sut.namesUserWithin(manager, otherOrganisationId, smsInboxId, memberId)).toBe(false);
    expect(await sut.namesUserWithin(manager, organisationId, disabledInboxId, memberId)).toBe(false);
  });

  it('should give who the list reaches and the inboxes a user sees, through the teams’ members', async () => {
    expect((await sut.userIdsWithAccess(organisationId, smsInboxId)).sort()).toEqual([memberId, namedId]);
    expect(await sut.userIdsWithAccess(otherOrganisationId, smsInboxId)).toEqual([]);
    expect(await sut.inboxIdsVisibleTo(organisationId, memberId)).toEqual([smsInboxId]);
    expect(await sut.inboxIdsVisibleTo(otherOrganisationId, memberId)).toEqual([]);
    expect(await sut.inboxIdsVisibleTo(organisationId, outsiderId)).toEqual([]);
  });

  // The fragment whereVisibleTo embeds (libs/conversations): the same inboxes as inboxIdsVisibleTo.
  it('should give, as a sub-query another module embeds, the inboxes whose list names the user or their team', async () => {
    const visible = async (userId: string, owner: string) =>
      (
        await source
          .createQueryBuilder()
          .select('inbox.id', 'id')
          .from(Inbox, 'inbox')
          .where(`inbox.id IN (${accessibleInboxIdsSql('viewer', 'viewerOrganisation')})`, { viewer: userId, viewerOrganisation: owner })
          .getRawMany<{ id: string }>()
      ).map((row) => row.id);
    expect(await visible(memberId, organisationId)).toEqual([smsInboxId]);
    expect(await visible(namedId, organisationId)).toEqual([smsInboxId]);
    expect(await visible(outsiderId, organisationId)).toEqual([]);
    expect(await visible(memberId, otherOrganisationId)).toEqual([]);
  });

  it('should refuse a list naming another organisation’s team or user, and keep the list it had', async () => {
    await expect(sut.replace(organisationId, smsInboxId, { teamIds: [otherTeamId], userIds: [] })).rejects.toMatchObject({
      fields: [{ field: 'teamIds' }],
    });
    await expect(sut.replace(organisationId, smsInboxId, { teamIds: [], userIds: [otherUserId] })).rejects.toMatchObject({
      fields: [{ field: 'userIds' }],
    });
    expect((await sut.listFor(organisationId, [smsInboxId])).get(smsInboxId)).toEqual({ teamIds: [teamId], userIds: [namedId] });
  });

  it('should read the organisation’s inboxes inside the caller’s transaction, never another organisation’s', async () => {
    const manager = source.manager;
    expect((await inboxes.findWithin(manager, organisationId, smsInboxId))?.id).toBe(smsInboxId);
    expect(await inboxes.findWithin(manager, organisationId, otherInboxId)).toBeNull();
    expect((await inboxes.activeWithin(manager, organisationId)).map((inbox) => inbox.id)).toEqual([smsInboxId]);
    expect((await inboxes.activeWithin(manager, otherOrganisationId)).map((inbox) => inbox.id)).toEqual([otherInboxId]);
  });
});
