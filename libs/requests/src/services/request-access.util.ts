import { ApiException } from '@app/common';
import { AuthenticatedUser, memberTeamIdsSql, UserRole } from '@app/identity';
import { Brackets, EntityManager, SelectQueryBuilder } from 'typeorm';
import { SupportRequest } from '../entities/support-request.entity';
import { RequestState } from '../state/request-state.enum';

// The states a request has once the committee has had it: what committee members may read.
export const COMMITTEE_STATES: readonly RequestState[] = [
  RequestState.AtCommittee,
  RequestState.InformationRequested,
  RequestState.Approved,
  RequestState.Rejected,
  RequestState.Registered,
  RequestState.Closed,
];

export function seesAllRequests(role: UserRole): boolean {
  return role === UserRole.Admin || role === UserRole.Supervisor;
}

// Purpose-bound access (PDPL), as for conversations: administrators and supervisors see the organisation's requests;
// an officer those they handle, opened, or that nobody handles yet (the intake queue), and their branch office's;
// a social-research officer those referred to them; the committee those it has been given. The caller has already
// scoped the query to the user's organisation.
export function whereRequestVisibleTo<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  user: AuthenticatedUser,
): SelectQueryBuilder<T> {
  if (seesAllRequests(user.role)) return query;
  if (user.role === UserRole.Researcher) return query.andWhere(`${alias}.researcherId = :viewerId`, { viewerId: user.id });
  if (user.role === UserRole.Committee) {
    return query.andWhere(`${alias}.state IN (:...committeeStates)`, { committeeStates: COMMITTEE_STATES });
  }
  return query.andWhere(
    new Brackets((visible) =>
      visible
        .where(`${alias}.officerId = :viewerId`, { viewerId: user.id })
        .orWhere(`${alias}.officerId IS NULL`)
        .orWhere(`${alias}.createdById = :viewerId`)
        .orWhere(`${alias}.branchTeamId IN (${memberTeamIdsSql('viewerId', 'viewerOrganisationId')})`, {
          viewerOrganisationId: user.organisationId,
        }),
    ),
  );
}

// The request if the user may see it; another organisation's, or one outside the user's access, is 404 alike.
export async function findVisibleRequest(
  manager: EntityManager,
  user: AuthenticatedUser,
  requestId: string,
  options: { lock?: boolean } = {},
): Promise<SupportRequest> {
  const query = manager
    .createQueryBuilder(SupportRequest, 'request')
    .where('request.id = :requestId', { requestId })
    .andWhere('request.organisationId = :organisationId', { organisationId: user.organisationId });
  whereRequestVisibleTo(query, 'request', user);
  if (options.lock && manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
  const request = await query.getOne();
  if (!request) throw ApiException.notFound('Support request');
  return request;
}
