import { ApiException } from '@app/common';
import { TransactionRunner } from '@app/database';
import { TeamsService, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { grantNamesUserSql } from './inbox-access-sql.util';
import { InboxAccess } from './inbox-access.entity';
import { Inbox } from './inbox.entity';

export interface InboxAccessList {
  teamIds: string[];
  userIds: string[];
}

export interface InboxAccessChange {
  access: InboxAccessList;
  // Everyone who could see the inbox before or can now: their open sockets must recompute their rooms.
  affectedUserIds: string[];
}

// Who may see an inbox's conversations besides administrators and supervisors (purpose-bound access, PDPL).
@Injectable()
export class InboxAccessService {
  constructor(
    @InjectRepository(InboxAccess) private readonly grants: Repository<InboxAccess>,
    private readonly transactions: TransactionRunner,
    private readonly teams: TeamsService,
    private readonly users: UsersService,
  ) {}

  async listFor(organisationId: string, inboxIds: string[]): Promise<Map<string, InboxAccessList>> {
    const lists = new Map(inboxIds.map((inboxId) => [inboxId, { teamIds: [] as string[], userIds: [] as string[] }]));
    if (inboxIds.length === 0) return lists;
    const grants = await this.grants.find({ where: { organisationId, inboxId: In(inboxIds) }, order: { createdAt: 'ASC' } });
    for (const grant of grants) {
      const list = lists.get(grant.inboxId);
      if (grant.teamId) list?.teamIds.push(grant.teamId);
      if (grant.userId) list?.userIds.push(grant.userId);
    }
    return lists;
  }

  // Replaces the whole list; the caller has checked that the inbox belongs to the organisation.
  async replace(organisationId: string, inboxId: string, input: InboxAccessList): Promise<InboxAccessChange> {
    const teamIds = [...new Set(input.teamIds)];
    const userIds = [...new Set(input.userIds)];
    const before = await this.userIdsWithAccess(organisationId, inboxId);
    await this.transactions.run(async (manager) => {
      if (!(await this.teams.allExistWithin(manager, organisationId, teamIds))) {
        throw ApiException.validation([{ field: 'teamIds', message: 'contains a team that is not of this organisation' }]);
      }
      if (!(await this.users.allExistWithin(manager, organisationId, userIds))) {
        throw ApiException.validation([{ field: 'userIds', message: 'contains a user who is not of this organisation' }]);
      }
      await manager.delete(InboxAccess, { organisationId, inboxId });
      const createdAt = new Date();
      const rows = [
        ...teamIds.map((teamId) => ({ id: randomUUID(), organisationId, inboxId, teamId, userId: null, createdAt })),
        ...userIds.map((userId) => ({ id: randomUUID(), organisationId, inboxId, teamId: null, userId, createdAt })),
      ];
      if (rows.length > 0) await manager.insert(InboxAccess, rows);
    });
    const after = await this.userIdsWithAccess(organisationId, inboxId);
    return { access: { teamIds, userIds }, affectedUserIds: [...new Set([...before, ...after])] };
  }

  // A deleted team leaves every inbox's list (its members lose what it gave them) and stops being an inbox's team.
  async forgetTeam(organisationId: string, teamId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.delete(InboxAccess, { organisationId, teamId });
      await manager.update(Inbox, { organisationId, teamId }, { teamId: null });
    });
  }

  // Users named on the list or members of a team on it (roles are the caller's concern).
  async userIdsWithAccess(organisationId: string, inboxId: string): Promise<string[]> {
    const grants = await this.grants.findBy({ organisationId, inboxId });
    const teamIds = grants.flatMap((grant) => (grant.teamId ? [grant.teamId] : []));
    const members = await this.teams.memberUserIdsOf(organisationId, teamIds);
    return [...new Set([...grants.flatMap((grant) => (grant.userId ? [grant.userId] : [])), ...members])];
  }

  // Whether the inbox's list names the user directly or through one of their teams, inside the caller's transaction
  // (an officer writing first from it).
  async namesUserWithin(manager: EntityManager, organisationId: string, inboxId: string, userId: string): Promise<boolean> {
    return manager
      .createQueryBuilder(InboxAccess, 'access')
      .where('access.organisationId = :organisationId AND access.inboxId = :inboxId', { organisationId, inboxId })
      .andWhere(grantNamesUserSql('access', 'userId', 'organisationId'), { userId })
      .getExists();
  }

  // The inboxes whose list names the user directly or through one of their teams.
  async inboxIdsVisibleTo(organisationId: string, userId: string): Promise<string[]> {
    const rows: { inbox_id: string }[] = await this.grants
      .createQueryBuilder('access')
      .select('DISTINCT access.inboxId', 'inbox_id')
      .where('access.organisationId = :organisationId', { organisationId })
      .andWhere(grantNamesUserSql('access', 'userId', 'organisationId'), { userId })
      .getRawMany();
    return rows.map((row) => row.inbox_id);
  }
}
