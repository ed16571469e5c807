import { ApiException } from '@app/common';
import { AuthenticatedUser, memberTeamIdsSql, UserRole } from '@app/identity';
import { accessibleInboxIdsSql } from '@app/inboxes';
import { ConversationAudience } from '@app/realtime';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';

// Purpose-bound access (PDPL): administrators and supervisors oversee the whole organisation.
export function seesWholeOrganisation(role: UserRole): boolean {
  return role === UserRole.Admin || role === UserRole.Supervisor;
}

// Limits a conversation query to what the user may see. An officer: the inboxes whose access list names them or one
// of their teams, plus what is assigned to them. A researcher or committee member: what is assigned to them or to
// one of their teams. Team-addressed records (internal channel, public forms) and the internal requests the user
// opened are theirs too. The caller has already scoped the query to the user's organisation.
export function whereVisibleTo<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  user: AuthenticatedUser,
): SelectQueryBuilder<T> {
  if (seesWholeOrganisation(user.role)) return query;
  const myTeams = memberTeamIdsSql('viewerId', 'viewerOrganisationId');
  return query.andWhere(
    new Brackets((visible) => {
      visible.where(`${alias}.assigneeId = :viewerId`, { viewerId: user.id });
      if (user.role === UserRole.Officer) {
        visible.orWhere(`${alias}.inboxId IN (${accessibleInboxIdsSql('viewerId', 'viewerOrganisationId')})`, {
          viewerOrganisationId: user.organisationId,
        });
      } else {
        visible.orWhere(`${alias}.teamId IN (${myTeams})`, { viewerOrganisationId: user.organisationId });
      }
      // Volunteering applications, public-form feedback and internal requests are addressed to a team, whose
      // officers work them without an inbox list; the staff member who opened an internal request follows it.
      if (user.role === UserRole.Officer) {
        visible.orWhere(`(${alias}.channel IN ('internal', 'web_form') AND ${alias}.teamId IN (${myTeams}))`, {
          viewerOrganisationId: user.organisationId,
        });
      }
      visible.orWhere(
        `${alias}.id IN (SELECT follow.conversation_id FROM kind_requests follow WHERE follow.requester_user_id = :viewerId
          AND follow.kind = 'internal' AND follow.organisation_id = :viewerOrganisationId)`,
        { viewerOrganisationId: user.organisationId },
      );
    }),
  );
}

// The conversation if the user may see it; another organisation's, or one outside the user's access, is 404 alike,
// so an id never reveals that a conversation exists.
export async function findVisibleConversation(
  manager: EntityManager,
  user: AuthenticatedUser,
  conversationId: string,
): Promise<Conversation> {
  const query = manager
    .createQueryBuilder(Conversation, 'conversation')
    .where('conversation.id = :conversationId', { conversationId })
    .andWhere('conversation.organisationId = :organisationId', { organisationId: user.organisationId });
  const conversation = await whereVisibleTo(query, 'conversation', user).getOne();
  if (!conversation) throw ApiException.notFound('Conversation');
  return conversation;
}

// Who may receive a message's event: the audience of its conversation, read now (assignment may have changed).
export async function audienceOfMessage(manager: EntityManager, message: Message): Promise<ConversationAudience> {
  const conversation = await manager.findOne(Conversation, {
    select: { id: true, assigneeId: true, teamId: true },
    where: { id: message.conversationId, organisationId: message.organisationId },
  });
  return {
    organisationId: message.organisationId,
    inboxId: message.inboxId,
    assigneeId: conversation?.assigneeId ?? null,
    teamId: conversation?.teamId ?? null,
  };
}
