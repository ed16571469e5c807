import { ApiErrorCode, ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { TeamMember, Team } from '../entities/team.entity';
import { UserLocale } from '../entities/user-locale.enum';
import { UserRole } from '../entities/user-role.enum';
import { User } from '../entities/user.entity';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblem } from '../passwords/password-policy.util';

function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw ApiException.validation([{ field: 'password', message: `password ${problem}` }]);
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  teamIds?: string[];
}

export interface UserChanges {
  name?: string;
  role?: UserRole;
  active?: boolean;
  teamIds?: string[];
}

export interface UserUpdate {
  user: UserView;
  // The user's open connections must be checked again: deactivated or given another role.
  accessChanged: boolean;
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
    assertAcceptablePassword(input.password);
    // Only this organisation's users count: another association's staff with the same address stay invisible.
    if (await this.users.existsBy({ organisationId, email })) {
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

  // An administrator's change. Deactivation raises the session version, so every token of the user stops at once.
  async update(organisationId: string, userId: string, changes: UserChanges): Promise<UserUpdate> {
    const user = await this.users.findOneBy({ id: userId, organisationId });
    if (!user) throw ApiException.notFound('User');
    const teamIds = changes.teamIds === undefined ? undefined : [...new Set(changes.teamIds)];
    if (teamIds) await this.assertTeamsBelong(organisationId, teamIds);
    const role = changes.role ?? user.role;
    const active = changes.active ?? user.active;
    if (user.role === UserRole.Admin && user.active && (role !== UserRole.Admin || !active)) {
      const otherAdmins = await this.users.countBy({ organisationId, role: UserRole.Admin, active: true, id: Not(user.id) });
      if (otherAdmins === 0) {
        throw new ApiException(ApiErrorCode.Conflict, 'The organisation needs at least one active administrator', [
          { field: changes.active === false ? 'active' : 'role', message: 'would leave no active administrator' },
        ]);
      }
    }
    const sessionsEnded = user.active && !active;
    const accessChanged = sessionsEnded || role !== user.role;
    const updated: User = {
      ...user,
      name: changes.name?.trim() ?? user.name,
      role,
      active,
      sessionVersion: sessionsEnded ? user.sessionVersion + 1 : user.sessionVersion,
    };
    await this.transactions.run(async (manager) => {
      await manager.update(
        User,
        { id: user.id, organisationId },
        {
          name: updated.name,
          role: updated.role,
          active: updated.active,
          sessionVersion: updated.sessionVersion,
        },
      );
      if (teamIds) {
        await manager.delete(TeamMember, { organisationId, userId: user.id });
        if (teamIds.length > 0) {
          await manager.insert(
            TeamMember,
            teamIds.map((teamId) => ({ id: randomUUID(), organisationId, teamId, userId: user.id })),
          );
        }
      }
    });
    const finalTeamIds = teamIds ?? (await this.members.findBy({ organisationId, userId: user.id })).map((member) => member.teamId);
    return { user: this.toView(updated, finalTeamIds), accessChanged };
  }

  // Sets a new password and ends every session of the user (a reset is often because the password leaked).
  async setPassword(organisationId: string, userId: string, password: string): Promise<void> {
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    await this.transactions.run(async (manager) => {
      const result = await manager.update(
        User,
        { id: userId, organisationId },
        { passwordHash, sessionVersion: () => 'session_version + 1' },
      );
      if (!result.affected) throw ApiException.notFound('User');
    });
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

  // The user's own interface language; no audit row: a preference, not an account change.
  async setLocale(organisationId: string, userId: string, locale: UserLocale): Promise<void> {
    const result = await this.users.update({ id: userId, organisationId }, { locale });
    if (!result.affected) throw ApiException.notFound('User');
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

  // Reads other modules make inside their own transaction (support requests: the committee, the researcher, the
  // chair, the names on a request), answering only the fields they need.
  async activeIdsWithRole(manager: EntityManager, organisationId: string, role: UserRole): Promise<string[]> {
    const users = await manager.find(User, { select: { id: true }, where: { organisationId, role, active: true } });
    return users.map((user) => user.id);
  }

  async isActiveWithRole(manager: EntityManager, organisationId: string, userId: string, role: UserRole): Promise<boolean> {
    return manager.existsBy(User, { id: userId, organisationId, role, active: true });
  }

  async activeStaffWithRoles(organisationId: string, roles: UserRole[]): Promise<Array<{ id: string; name: string; role: UserRole }>> {
    const users = await this.users.find({
      select: { id: true, name: true, role: true },
      where: { organisationId, active: true, role: In(roles) },
      order: { name: 'ASC' },
    });
    return users.map(({ id, name, role }) => ({ id, name, role }));
  }

  // Whether every one of these users is the organisation's, active or not (an inbox's access list names them).
  async allExistWithin(manager: EntityManager, organisationId: string, userIds: string[]): Promise<boolean> {
    const wanted = [...new Set(userIds)];
    if (wanted.length === 0) return true;
    return (await manager.countBy(User, { organisationId, id: In(wanted) })) === wanted.length;
  }

  async namesOf(manager: EntityManager, organisationId: string, userIds: string[]): Promise<Array<{ id: string; name: string }>> {
    if (userIds.length === 0) return [];
    const users = await manager.find(User, { select: { id: true, name: true }, where: { organisationId, id: In(userIds) } });
    return users.map(({ id, name }) => ({ id, name }));
  }
}
