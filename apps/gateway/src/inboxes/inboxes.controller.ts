import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { ApiException } from '@app/common';
import { CreateInboxDto, InboxesService, UpdateInboxDto } from '@app/inboxes';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
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

  // Renames, disables (webhooks and web chat refused) or enables an inbox.
  @Roles(UserRole.Admin)
  @Patch(':id')
  @ApiOkResponse({ type: InboxResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string, @Body() body: UpdateInboxDto) {
    const inbox = await this.inboxes.update(user.organisationId, id, body);
    if (!inbox) throw ApiException.notFound('Inbox');
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxUpdated,
      subjectType: 'inbox',
      subjectId: id,
      details: { ...(body.name !== undefined ? { name: inbox.name } : {}), ...(body.active !== undefined ? { active: inbox.active } : {}) },
    });
    return inbox;
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
