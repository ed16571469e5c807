import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { ApiErrorCode, ApiException } from '@app/common';
import { ConversationReferencesService } from '@app/conversations';
import { CreateInboxDto, InboxAccessService, InboxesService, UpdateInboxDto } from '@app/inboxes';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { AgentsGateway } from '../realtime/agents.gateway';
import { WebChatGateway } from '../webchat/webchat.gateway';
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
    private readonly references: ConversationReferencesService,
    private readonly webChat: WebChatGateway,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [InboxResponse] })
  async list(@CurrentUser() user: AuthenticatedUser) {
    const inboxes = await this.inboxes.list(user.organisationId);
    const [lists, counts] = await Promise.all([
      this.access.listFor(
        user.organisationId,
        inboxes.map((inbox) => inbox.id),
      ),
      this.references.conversationCountsByInbox(user.organisationId),
    ]);
    return inboxes.map((inbox) => ({ ...inbox, access: lists.get(inbox.id), conversationCount: counts.get(inbox.id) ?? 0 }));
  }

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get(':id')
  @ApiOkResponse({ type: InboxResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string) {
    const inbox = await this.inboxes.findInOrganisation(user.organisationId, id);
    if (!inbox) throw ApiException.notFound('Inbox');
    return this.withAccess(user, this.inboxes.toView(inbox));
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

  // Renames, disables (webhooks and web chat refused) or enables an inbox, or changes its settings (validated as at
  // creation; credentials left out are kept).
  @Roles(UserRole.Admin)
  @Patch(':id')
  @ApiOkResponse({ type: InboxResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string, @Body() body: UpdateInboxDto) {
    const change = await this.inboxes.update(user.organisationId, id, body);
    if (!change) throw ApiException.notFound('Inbox');
    const { inbox, changed, replacedSecrets } = change;
    // A disabled web chat refuses new handshakes; the visitors already connected are let go too.
    if (changed.includes('active') && !inbox.active) this.webChat.endInboxSessions(id);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxUpdated,
      subjectType: 'inbox',
      subjectId: id,
      // Field names only: settings may hold a sender name or a number, credentials never appear.
      details: {
        changed,
        ...(changed.includes('name') ? { name: inbox.name } : {}),
        ...(changed.includes('active') ? { active: inbox.active } : {}),
        ...(replacedSecrets.length > 0 ? { replacedSecrets } : {}),
      },
    });
    return this.withAccess(user, inbox);
  }

  // A new signing secret, shown this once; the old one stops at once on every gateway and worker. It also ends the
  // web chat visitors' tokens and connections (they start again from the pre-chat form) and the Saudi SMS webhook
  // URLs' ?token= (paste the new URLs into the provider's console).
  @Roles(UserRole.Admin)
  @Post(':id/secret')
  @HttpCode(200)
  @ApiOkResponse({ type: CreatedInboxResponse })
  async rotateSecret(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string) {
    const rotated = await this.inboxes.rotateSecret(user.organisationId, id);
    if (!rotated) throw ApiException.notFound('Inbox');
    this.webChat.endInboxSessions(id);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxSecretRotated,
      subjectType: 'inbox',
      subjectId: id,
      details: { channel: rotated.channel },
    });
    return rotated;
  }

  // Only an inbox that holds nothing is deleted (a mistyped one). One with conversations keeps them readable and is
  // disabled instead: they are beneficiaries' records, which retention, not an inbox's removal, ends.
  @Roles(UserRole.Admin)
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its access list' })
  @ApiConflictResponse({ description: 'It holds conversations or messages (disable it instead), or a web chat inbox verifies through it' })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string): Promise<void> {
    if (!(await this.inboxes.findInOrganisation(user.organisationId, id))) throw ApiException.notFound('Inbox');
    const held = await this.references.heldByInbox(user.organisationId, id);
    if (held.conversations > 0 || held.events) {
      throw new ApiException(ApiErrorCode.Conflict, `The inbox holds ${held.conversations} conversations; disable it instead`, [
        { field: 'id', message: `holds ${held.conversations} conversations` },
      ]);
    }
    const deleted = await this.inboxes.delete(user.organisationId, id);
    if (!deleted) throw ApiException.notFound('Inbox');
    this.webChat.endInboxSessions(id);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.InboxDeleted,
      subjectType: 'inbox',
      subjectId: id,
      details: { channel: deleted.channel, name: deleted.name },
    });
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
    return inbox;
  }

  private async withAccess<View extends { id: string }>(user: AuthenticatedUser, inbox: View) {
    const [lists, held] = await Promise.all([
      this.access.listFor(user.organisationId, [inbox.id]),
      this.references.heldByInbox(user.organisationId, inbox.id),
    ]);
    return { ...inbox, access: lists.get(inbox.id), conversationCount: held.conversations };
  }
}
