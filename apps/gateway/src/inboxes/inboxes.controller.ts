import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { CreateInboxDto, InboxesService } from '@app/inboxes';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InboxResponse } from './inbox-response.dto';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/inboxes')
export class InboxesController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [InboxResponse] })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.inboxes.list(user.organisationId);
  }

  // The answer carries the inbox's signing secret; it is never shown again.
  @Roles(UserRole.Admin)
  @Post()
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInboxDto) {
    const inbox = await this.inboxes.create(user.organisationId, body, (teamId) => this.teams.exists(user.organisationId, teamId));
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxCreated,
      subjectType: 'inbox',
      subjectId: inbox.id,
      details: { channel: inbox.channel, name: inbox.name },
    });
    return inbox;
  }
}
