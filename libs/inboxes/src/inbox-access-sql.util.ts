import { memberTeamIdsSql } from '@app/identity';

// The inboxes whose access list names a user or one of their teams, as plain SQL another module's sub-query embeds
// where it cannot take a query builder (who may see a conversation): the one place outside this library's services
// that names inbox_access. The arguments are the caller's named parameters (without the colon); it sets them.
export function accessibleInboxIdsSql(userParameter: string, organisationParameter: string): string {
  return `SELECT access.inbox_id FROM inbox_access access WHERE access.organisation_id = :${organisationParameter}
    AND (access.user_id = :${userParameter} OR access.team_id IN (${memberTeamIdsSql(userParameter, organisationParameter)}))`;
}
