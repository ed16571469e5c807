import { TransactionRunner } from '@app/database';
import { DataSource } from 'typeorm';
import { openSqliteEntities, SqliteEntities } from '../../../../test/support/sqlite-entities';
import { Organisation } from '../entities/organisation.entity';
import { Team, TeamMember } from '../entities/team.entity';
import { UserRole } from '../entities/user-role.enum';
import { User } from '../entities/user.entity';
import { UsersService } from '../users/users.service';
import { memberTeamIdsSql } from './member-team-ids-sql.util';
import { TeamsService } from './teams.service';

// The reads other modules make of teams and users: each answers within one organisation only.
describe(TeamsService.name, () => {
  const organisationId = '00000000-0000-4000-8000-000000000001';
  const otherOrganisationId = '00000000-0000-4000-8000-000000000002';
  const branchId = '20000000-0000-4000-8000-000000000001';
  const teamId = '20000000-0000-4000-8000-000000000002';
  const officerId = '30000000-0000-4000-8000-000000000001';
  const researcherId = '30000000-0000-4000-8000-000000000002';
  let database: SqliteEntities;
  let source: DataSource;
  let teams: TeamsService;
  let users: UsersService;

  beforeAll(async () => {
    database = await openSqliteEntities('teams', [Organisation, User, Team, TeamMember]);
    source = database.source;
    const transactions = new TransactionRunner(source);
    teams = new TeamsService(transactions, source.getRepository(Team), source.getRepository(TeamMember), source.getRepository(User));
    users = new UsersService(transactions, source.getRepository(User), source.getRepository(Team), source.getRepository(TeamMember));
    const createdAt = new Date();
    await source.getRepository(Team).insert([
      { id: branchId, organisationId, name: 'فرع الشمال', isBranch: true, createdAt },
      { id: teamId, organisationId, name: 'التطوع', isBranch: false, createdAt },
    ]);
    const person = (id: string, name: string, role: UserRole, active = true) => ({
      id,
      organisationId,
      email: `${id}@example.org`,
      name,
      role,
      passwordHash: 'x',
      active,
      createdAt,
    });
    await source
      .getRepository(User)
      .insert([
        person(officerId, 'منى', UserRole.Officer),
        person(researcherId, 'خالد', UserRole.Researcher),
        person('30000000-0000-4000-8000-000000000003', 'سلمى', UserRole.Researcher, false),
      ]);
    await source.getRepository(TeamMember).insert([
      { id: '40000000-0000-4000-8000-000000000001', organisationId, teamId: branchId, userId: officerId },
      { id: '40000000-0000-4000-8000-000000000002', organisationId, teamId, userId: officerId },
    ]);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('should tell a branch office and its members apart, within the organisation only', async () => {
    const manager = source.manager;
    expect(await teams.isBranchWithin(manager, organisationId, branchId)).toBe(true);
    expect(await teams.isBranchWithin(manager, organisationId, teamId)).toBe(false);
    expect(await teams.isBranchWithin(manager, otherOrganisationId, branchId)).toBe(false);
    expect(await teams.existsWithin(manager, otherOrganisationId, teamId)).toBe(false);
    expect(await teams.isMemberWithin(manager, organisationId, branchId, officerId)).toBe(true);
    expect(await teams.isMemberWithin(manager, organisationId, branchId, researcherId)).toBe(false);
    expect((await teams.teamIdsWithin(manager, organisationId, officerId)).sort()).toEqual([branchId, teamId]);
    expect(await teams.teamIdsWithin(manager, otherOrganisationId, officerId)).toEqual([]);
  });

  it('should give a user’s teams as a sub-query another module filters by', async () => {
    const scope = teams.memberTeamIdsScope(organisationId, officerId);
    const rows = await source
      .createQueryBuilder(Team, 'outer_team')
      .where(`outer_team.id IN (${scope.teamIdsSql})`, scope.parameters)
      .andWhere('outer_team.isBranch = :isBranch', { isBranch: false })
      .getMany();
    expect(rows.map((row) => row.id)).toEqual([teamId]);
    const elsewhere = teams.memberTeamIdsScope(otherOrganisationId, officerId);
    expect(
      await source
        .createQueryBuilder(Team, 'outer_team')
        .where(`outer_team.id IN (${elsewhere.teamIdsSql})`, elsewhere.parameters)
        .getCount(),
    ).toBe(0);
  });

  it('should give a user’s teams as plain SQL another module’s sub-query embeds, within the organisation only', async () => {
    const teamsOf = (userId: string, owner: string) =>
      source
        .createQueryBuilder(Team, 'outer_team')
        .where(`outer_team.id IN (${memberTeamIdsSql('viewer', 'viewerOrganisation')})`, { viewer: userId, viewerOrganisation: owner })
        .orderBy('outer_team.id')
        .getMany();
    expect((await teamsOf(officerId, organisationId)).map((row) => row.id)).toEqual([branchId, teamId]);
    expect(await teamsOf(officerId, otherOrganisationId)).toEqual([]);
    expect(await teamsOf(researcherId, organisationId)).toEqual([]);
  });

  it('should tell whether an access list names only the organisation’s teams and users, and who its teams reach', async () => {
    const manager = source.manager;
    expect(await teams.allExistWithin(manager, organisationId, [branchId, teamId, teamId])).toBe(true);
    expect(await teams.allExistWithin(manager, organisationId, [branchId, '20000000-0000-4000-8000-000000000009'])).toBe(false);
    expect(await teams.allExistWithin(manager, otherOrganisationId, [branchId])).toBe(false);
    expect(await teams.allExistWithin(manager, otherOrganisationId, [])).toBe(true);
    // Inactive users still count: a grant may name them.
    expect(await users.allExistWithin(manager, organisationId, [officerId, '30000000-0000-4000-8000-000000000003'])).toBe(true);
    expect(await users.allExistWithin(manager, otherOrganisationId, [officerId])).toBe(false);
    expect(await users.allExistWithin(manager, organisationId, [])).toBe(true);
    expect(await teams.memberUserIdsOf(organisationId, [branchId, teamId])).toEqual([officerId, officerId]);
    expect(await teams.memberUserIdsOf(otherOrganisationId, [branchId, teamId])).toEqual([]);
    expect(await teams.memberUserIdsOf(organisationId, [])).toEqual([]);
  });

  it('should answer active staff by role, and names, for another module', async () => {
    const manager = source.manager;
    expect(await users.isActiveWithRole(manager, organisationId, researcherId, UserRole.Researcher)).toBe(true);
    expect(await users.isActiveWithRole(manager, organisationId, '30000000-0000-4000-8000-000000000003', UserRole.Researcher)).toBe(false);
    expect(await users.isActiveWithRole(manager, organisationId, officerId, UserRole.Researcher)).toBe(false);
    expect(await users.isActiveWithRole(manager, otherOrganisationId, researcherId, UserRole.Researcher)).toBe(false);
    expect(await users.activeIdsWithRole(manager, organisationId, UserRole.Researcher)).toEqual([researcherId]);
    expect(await users.activeStaffWithRoles(organisationId, [UserRole.Officer, UserRole.Researcher])).toEqual([
      { id: researcherId, name: 'خالد', role: UserRole.Researcher },
      { id: officerId, name: 'منى', role: UserRole.Officer },
    ]);
    expect(await users.namesOf(manager, otherOrganisationId, [officerId])).toEqual([]);
    expect(await users.namesOf(manager, organisationId, [officerId])).toEqual([{ id: officerId, name: 'منى' }]);
  });
});
