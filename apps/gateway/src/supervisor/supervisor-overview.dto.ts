import { ChannelKind } from '@app/channels';
import { ApiProperty } from '@nestjs/swagger';

// The supervisor's live overview. It names staff, teams and conversation numbers, never a beneficiary, so reading
// it is not a read of personal data.
export class StatusCounts {
  @ApiProperty() open: number;
  @ApiProperty() pending: number;
  @ApiProperty({ description: 'Open or pending with no officer' }) unassigned: number;
}

export class ChannelCounts extends StatusCounts {
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: string;
}

export class TeamCounts extends StatusCounts {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: conversations of no team' }) teamId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class OfficerCounts {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() open: number;
  @ApiProperty() pending: number;
}

export class WaitingConversation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) channel: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) waitingSince: Date;
}

export class SupervisorOverviewResponse {
  @ApiProperty({ type: StatusCounts }) totals: StatusCounts;
  @ApiProperty({ type: [ChannelCounts] }) byChannel: ChannelCounts[];
  @ApiProperty({ type: [TeamCounts] }) byTeam: TeamCounts[];
  @ApiProperty({ type: [OfficerCounts] }) byOfficer: OfficerCounts[];
  @ApiProperty({ type: [WaitingConversation], description: 'The ten open or pending conversations waiting longest' })
  longestWaiting: WaitingConversation[];
}
