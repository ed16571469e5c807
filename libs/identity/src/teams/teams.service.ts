import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
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
}
