// The teams a user is a member of, as plain SQL another module's sub-query embeds where it cannot take a query
// builder (who may see a conversation, a support request, an inbox): the one place outside this library's services
// that names team_members. The arguments are the caller's named parameters (without the colon); it sets them.
export function memberTeamIdsSql(userParameter: string, organisationParameter: string): string {
  return `SELECT membership.team_id FROM team_members membership WHERE membership.user_id = :${userParameter}
    AND membership.organisation_id = :${organisationParameter}`;
}
