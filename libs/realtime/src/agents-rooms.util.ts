// Every staff socket of the organisation: presence and events that carry no conversation content.
export function organisationRoom(organisationId: string): string {
  return `organisation:${organisationId}`;
}

// Conversation and message events go only to those who may read them (purpose-bound access): administrators and
// supervisors (the overseers' room), officers on the inbox's access list (its room), the assignee (their own room)
// and, for researchers and the committee, the team the conversation is assigned to.
export function overseersRoom(organisationId: string): string {
  return `overseers:${organisationId}`;
}

export function inboxRoom(inboxId: string): string {
  return `inbox:${inboxId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

// The sockets opened with one access token, so a logout closes that session's sockets and no other.
export function staffSessionRoom(tokenId: string): string {
  return `staff-session:${tokenId}`;
}

export function assignedTeamRoom(teamId: string): string {
  return `assigned-team:${teamId}`;
}

// The rows that decide who may see one conversation.
export interface ConversationAudience {
  organisationId: string;
  inboxId: string;
  assigneeId: string | null;
  teamId: string | null;
}
