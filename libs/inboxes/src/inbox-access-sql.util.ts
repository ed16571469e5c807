import { memberTeamIdsSql } from '@app/identity';

// Whether an access-list row (under `alias`) names the user directly or one of their teams: the one statement of
// who a grant reaches, used by InboxAccessService's queries and by the sub-query below. The arguments are the
// caller's named parameters (without the colon); it sets them.
export function grantNamesUserSql(alias: string, userParameter: string, organisationParameter: string): string {
  return `(${alias}.user_id = :${userParameter} OR ${alias}.team_id IN (${memberTeamIdsSql(userParameter, organisationParameter)}))`;
}

// The inboxes whose access list names a user or one of their teams, as plain SQL another module's sub-query embeds
// where it cannot take a query builder (who may see a conversation): the one place outside this library's services
// that names inbox_access.
export function accessibleInboxIdsSql(userParameter: string, organisationParameter: string): string {
  return `SELECT access.inbox_id FROM inbox_access access WHERE access.organisation_id = :${organisationParameter}
    AND ${grantNamesUserSql('access', userParameter, organisationParameter)}`;
}
