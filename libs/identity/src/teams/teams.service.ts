import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { Team, TeamMember } from '../entities/team.entity';
import { User } from '../entities/user.entity';

export interface TeamView {
  id: string;
  name: string;
  isBranch: boolean;
  memberIds: string[];
  createdAt: Date;
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(TeamMember) private readonly members: Repository<TeamMember>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async create(organisationId: string, input: { name: string; isBranch?: boolean; memberIds?: string[] }): Promise<TeamView> {
    const name = input.name.trim();
    if (await this.teams.existsBy({ organisationId, name })) {
      throw new ApiException(ApiErrorCode.Conflict, 'A team with this name already exists', [
        { field: 'name', message: 'is already used' },
      ]);
    }
    const memberIds = [...new Set(input.memberIds ?? [])];
    if (memberIds.length > 0 && (await this.users.countBy({ organisationId, id: In(memberIds) })) !== memberIds.length) {
      throw ApiException.validation([{ field: 'memberIds', message: 'contains an unknown user' }]);
    }
    const team = this.teams.create({ id: randomUUID(), organisationId, name, isBranch: input.isBranch ?? false, createdAt: new Date() });
    await this.transactions.run(async (manager) => {
      await manager.insert(Team, team);
      if (memberIds.length > 0) {
        await manager.insert(
          TeamMember,
          memberIds.map((userId) => ({ id: randomUUID(), organisationId, teamId: team.id, userId })),
        );
      }
    });
    return { ...team, memberIds };
  }

  async get(organisationId: string, teamId: string): Promise<TeamView | null> {
    const team = await this.teams.findOneBy({ organisationId, id: teamId });
    if (!team) return null;
    const members = await this.members.findBy({ organisationId, teamId });
    return { ...team, memberIds: members.map((member) => member.userId) };
  }

  // Renames a team, or makes it a branch office or a team again.
  async update(organisationId: string, teamId: string, input: { name?: string; isBranch?: boolean }): Promise<TeamView | null> {
    const team = await this.teams.findOneBy({ organisationId, id: teamId });
    if (!team) return null;
    const patch: Partial<Pick<Team, 'name' | 'isBranch'>> = {};
    const name = input.name?.trim();
    if (name !== undefined && name !== team.name) {
      if (await this.teams.existsBy({ organisationId, name })) {
        throw new ApiException(ApiErrorCode.Conflict, 'A team with this name already exists', [
          { field: 'name', message: 'is already used' },
        ]);
      }
      patch.name = name;
    }
    if (input.isBranch !== undefined) patch.isBranch = input.isBranch;
    if (Object.keys(patch).length > 0)
      await this.transactions.run((manager) => manager.update(Team, { id: teamId, organisationId }, patch));
    return this.get(organisationId, teamId);
  }

  // Adds or removes one member; answers whether anything changed (null: no such team).
  async setMember(organisationId: string, teamId: string, userId: string, member: boolean): Promise<boolean | null> {
    if (!(await this.teams.existsBy({ organisationId, id: teamId }))) return null;
    if (!(await this.users.existsBy({ organisationId, id: userId }))) {
      throw ApiException.validation([{ field: 'userId', message: 'is not a user of this organisation' }]);
    }
    return this.transactions.run(async (manager) => {
      const existing = await manager.findOneBy(TeamMember, { organisationId, teamId, userId });
      if (member && !existing) await manager.insert(TeamMember, { id: randomUUID(), organisationId, teamId, userId });
      if (!member && existing) await manager.delete(TeamMember, { id: existing.id });
      return member !== Boolean(existing);
    });
  }

  // The team and its memberships; the caller has released what referred to it (inbox access, conversations).
  async delete(organisationId: string, teamId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.delete(TeamMember, { organisationId, teamId });
      await manager.delete(Team, { organisationId, id: teamId });
    });
  }

  async list(organisationId: string): Promise<TeamView[]> {
    const [teams, members] = await Promise.all([
      this.teams.find({ where: { organisationId }, order: { name: 'ASC' } }),
      this.members.findBy({ organisationId }),
    ]);
    return teams.map((team) => ({
      ...team,
      memberIds: members.filter((member) => member.teamId === team.id).map((member) => member.userId),
    }));
  }

  async teamIdsOf(organisationId: string, userId: string): Promise<string[]> {
    const memberships = await this.members.findBy({ organisationId, userId });
    return memberships.map((membership) => membership.teamId);
  }

  async exists(organisationId: string, teamId: string): Promise<boolean> {
    return this.teams.existsBy({ organisationId, id: teamId });
  }

  // Reads other modules make inside their own transaction (a request's branch office, a record's team).
  async existsWithin(manager: EntityManager, organisationId: string, teamId: string): Promise<boolean> {
    return manager.existsBy(Team, { id: teamId, organisationId });
  }

  async isBranchWithin(manager: EntityManager, organisationId: string, teamId: string): Promise<boolean> {
    return manager.existsBy(Team, { id: teamId, organisationId, isBranch: true });
  }

  async isMemberWithin(manager: EntityManager, organisationId: string, teamId: string, userId: string): Promise<boolean> {
    return manager.existsBy(TeamMember, { teamId, userId, organisationId });
  }

  async teamIdsWithin(manager: EntityManager, organisationId: string, userId: string): Promise<string[]> {
    const memberships = await manager.find(TeamMember, { select: { teamId: true }, where: { organisationId, userId } });
    return memberships.map((membership) => membership.teamId);
  }

  // Whether every one of these teams is the organisation's (an inbox's access list names only existing teams).
  async allExistWithin(manager: EntityManager, organisationId: string, teamIds: string[]): Promise<boolean> {
    const wanted = [...new Set(teamIds)];
    if (wanted.length === 0) return true;
    return (await manager.countBy(Team, { organisationId, id: In(wanted) })) === wanted.length;
  }

  // The members of these teams, once per membership (who an inbox's access list reaches through its teams).
  async memberUserIdsOf(organisationId: string, teamIds: string[]): Promise<string[]> {
    if (teamIds.length === 0) return [];
    const memberships = await this.members.find({ select: { userId: true }, where: { organisationId, teamId: In(teamIds) } });
    return memberships.map((membership) => membership.userId);
  }

  // The teams a user is a member of, as a sub-query another module's list filters by in SQL (the request kinds' team
  // view and what a non-supervisor may see).
  memberTeamIdsScope(organisationId: string, userId: string): { teamIdsSql: string; parameters: Record<string, unknown> } {
    const query = this.members
      .createQueryBuilder('own_membership')
      .select('own_membership.teamId')
      .where('own_membership.organisationId = :memberOrganisationId', { memberOrganisationId: organisationId })
      .andWhere('own_membership.userId = :memberUserId', { memberUserId: userId });
    return { teamIdsSql: query.getQuery(), parameters: query.getParameters() };
  }
}
