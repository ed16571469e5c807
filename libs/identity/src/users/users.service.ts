import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { TeamMember, Team } from '../entities/team.entity';
import { UserRole } from '../entities/user-role.enum';
import { User } from '../entities/user.entity';
import { hashPassword } from '../auth/password-hasher';

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  teamIds?: string[];
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  teamIds: string[];
  createdAt: Date;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: TransactionRunner,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(TeamMember) private readonly members: Repository<TeamMember>,
  ) {}

  async create(organisationId: string, input: NewUser): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    if (await this.users.existsBy({ email })) {
      throw new ApiException(ApiErrorCode.Conflict, 'A user with this e-mail already exists', [
        { field: 'email', message: 'is already used' },
      ]);
    }
    const teamIds = [...new Set(input.teamIds ?? [])];
    await this.assertTeamsBelong(organisationId, teamIds);
    const user = this.users.create({
      id: randomUUID(),
      organisationId,
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      active: true,
      createdAt: new Date(),
    });
    await this.transactions.run(async (manager) => {
      await manager.insert(User, user);
      if (teamIds.length > 0) {
        await manager.insert(
          TeamMember,
          teamIds.map((teamId) => ({ id: randomUUID(), organisationId, teamId, userId: user.id })),
        );
      }
    });
    return this.toView(user, teamIds);
  }

  async list(organisationId: string): Promise<UserView[]> {
    const users = await this.users.find({ where: { organisationId }, order: { name: 'ASC' } });
    const memberships = await this.members.findBy({ organisationId });
    return users.map((user) =>
      this.toView(
        user,
        memberships.filter((member) => member.userId === user.id).map((member) => member.teamId),
      ),
    );
  }

  async findInOrganisation(organisationId: string, userId: string): Promise<User | null> {
    return this.users.findOneBy({ id: userId, organisationId });
  }

  async assertTeamsBelong(organisationId: string, teamIds: string[]): Promise<void> {
    if (teamIds.length === 0) return;
    const found = await this.teams.countBy({ organisationId, id: In(teamIds) });
    if (found !== teamIds.length) throw ApiException.validation([{ field: 'teamIds', message: 'contains an unknown team' }]);
  }

  private toView(user: User, teamIds: string[]): UserView {
    const { id, email, name, role, active, createdAt } = user;
    return { id, email, name, role, active, teamIds, createdAt };
  }
}
