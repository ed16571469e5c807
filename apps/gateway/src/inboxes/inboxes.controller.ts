import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { ApiException } from '@app/common';
import { ChannelJobsService } from '@app/conversations';
import { CreateInboxDto, InboxAccessService, InboxesService, UpdateInboxDto } from '@app/inboxes';
import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { AgentsGateway } from '../realtime/agents.gateway';
import { InboxAccessResponse, ReplaceInboxAccessDto } from './inbox-access.dto';
import { CreatedInboxResponse, InboxResponse } from './inbox-response.dto';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/inboxes')
export class InboxesController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly access: InboxAccessService,
    private readonly agents: AgentsGateway,
    private readonly channelJobs: ChannelJobsService,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [InboxResponse] })
  async list(@CurrentUser() user: AuthenticatedUser) {
    const inboxes = await this.inboxes.list(user.organisationId);
    const lists = await this.access.listFor(
      user.organisationId,
      inboxes.map((inbox) => inbox.id),
    );
    return inboxes.map((inbox) => ({ ...inbox, access: lists.get(inbox.id) }));
  }

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get(':id')
  @ApiOkResponse({ type: InboxResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string) {
    const inbox = await this.inboxes.findInOrganisation(user.organisationId, id);
    if (!inbox) throw ApiException.notFound('Inbox');
    const lists = await this.access.listFor(user.organisationId, [id]);
    return { ...this.inboxes.toView(inbox), access: lists.get(id) };
  }

  // Purpose-bound access: which teams and officers see this inbox's conversations. Replaces the whole list; open
  // sockets of everyone who gained or lost access move rooms at once.
  @Roles(UserRole.Admin)
  @Put(':id/access')
  @ApiOkResponse({ type: InboxAccessResponse })
  async replaceAccess(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Inbox')) id: string,
    @Body() body: ReplaceInboxAccessDto,
  ) {
    if (!(await this.inboxes.findInOrganisation(user.organisationId, id))) throw ApiException.notFound('Inbox');
    const { access, affectedUserIds } = await this.access.replace(user.organisationId, id, body);
    await this.agents.refreshRooms(affectedUserIds);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxAccessChanged,
      subjectType: 'inbox',
      subjectId: id,
      details: { teamIds: access.teamIds, userIds: access.userIds },
    });
    return access;
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
  @ApiCreatedResponse({ type: CreatedInboxResponse })
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
    // Registering the webhook with the provider and syncing its templates are jobs, not part of this request.
    await this.channelJobs.afterInboxChanged({ ...inbox, organisationId: user.organisationId });
    return inbox;
  }
}
