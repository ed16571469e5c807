import { ChannelSessionsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ChannelSessionResponse } from './inbox-session.controller';

export class ChannelSessionSummaryResponse extends ChannelSessionResponse {
  @ApiProperty() inboxName: string;
  @ApiProperty({ description: 'Not connected: the association cannot send or receive on it until someone acts' })
  needsAttention: boolean;
}

// Every paired-phone session of the organisation at a glance, so the header can say when one needs re-pairing;
// changes arrive live as channel-session.updated.
@ApiTags('inboxes')
@ApiBearerAuth()
@Roles(UserRole.Admin, UserRole.Supervisor)
@Controller('api/v1/channel-sessions')
export class ChannelSessionsController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly sessions: ChannelSessionsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ChannelSessionSummaryResponse] })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<ChannelSessionSummaryResponse[]> {
    const [sessions, inboxes] = await Promise.all([this.sessions.list(user.organisationId), this.inboxes.list(user.organisationId)]);
    // A disabled or deleted inbox's session is nobody's worry.
    const active = new Map(inboxes.filter((inbox) => inbox.active).map((inbox) => [inbox.id, inbox.name]));
    return sessions
      .filter((session) => active.has(session.inboxId))
      .map((session) => ({ ...session, qr: null, inboxName: active.get(session.inboxId)! }));
  }
}
