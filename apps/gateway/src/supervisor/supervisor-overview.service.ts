import { ConversationQueriesService, ConversationStatus } from '@app/conversations';
import { TeamsService, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { SupervisorOverviewResponse, StatusCounts } from './supervisor-overview.dto';

const LONGEST_WAITING_SHOWN = 10;

function emptyCounts(): StatusCounts {
  return { open: 0, pending: 0, unassigned: 0 };
}

// Open and pending work of one organisation, counted once in the database and split by channel, team and officer.
@Injectable()
export class SupervisorOverviewService {
  constructor(
    private readonly conversations: ConversationQueriesService,
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  async overview(organisationId: string): Promise<SupervisorOverviewResponse> {
    const [rows, waiting, users, teams] = await Promise.all([
      this.conversations.activeCounts(organisationId),
      this.conversations.longestWaiting(organisationId, LONGEST_WAITING_SHOWN),
      this.users.list(organisationId),
      this.teams.list(organisationId),
    ]);

    const totals = emptyCounts();
    const byChannel = new Map<string, StatusCounts>();
    const byTeam = new Map<string | null, StatusCounts>();
    const byOfficer = new Map<string, { open: number; pending: number }>();
    for (const row of rows) {
      const count = Number(row.count);
      const status = row.status === ConversationStatus.Open ? 'open' : 'pending';
      const channel = byChannel.get(row.channel) ?? emptyCounts();
      const team = byTeam.get(row.teamId) ?? emptyCounts();
      for (const counts of [totals, channel, team]) {
        counts[status] += count;
        if (!row.assigneeId) counts.unassigned += count;
      }
      byChannel.set(row.channel, channel);
      byTeam.set(row.teamId, team);
      if (row.assigneeId) {
        const officer = byOfficer.get(row.assigneeId) ?? { open: 0, pending: 0 };
        officer[status] += count;
        byOfficer.set(row.assigneeId, officer);
      }
    }
    const userNames = new Map(users.map((user) => [user.id, user.name]));
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    return {
      totals,
      byChannel: [...byChannel]
        .map(([channel, counts]) => ({ channel, ...counts }))
        .sort((first, second) => first.channel.localeCompare(second.channel)),
      byTeam: [...byTeam].map(([teamId, counts]) => ({ teamId, name: teamId ? (teamNames.get(teamId) ?? null) : null, ...counts })),
      byOfficer: [...byOfficer]
        .map(([userId, counts]) => ({ userId, name: userNames.get(userId) ?? '', ...counts }))
        .sort((first, second) => second.open + second.pending - (first.open + first.pending)),
      longestWaiting: waiting.map((conversation) => ({
        id: conversation.id,
        number: conversation.number,
        channel: conversation.channel,
        assigneeId: conversation.assigneeId,
        waitingSince: conversation.waitingSince!,
      })),
    };
  }
}
