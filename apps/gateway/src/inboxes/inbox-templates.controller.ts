import { ApiException } from '@app/common';
import { ChannelJobsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { ChannelTemplatesService, InboxesService } from '@app/inboxes';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelTemplateResponse, TemplateSyncResponse } from '../conversations/reply-templates.dto';
import { UuidParameter } from '../http/uuid-parameter.pipe';

// An inbox's message templates as the provider last listed them; a sync is a job (the provider is called by the
// worker, never inside this request).
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/inboxes/:id/templates')
export class InboxTemplatesController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly templates: ChannelTemplatesService,
    private readonly channelJobs: ChannelJobsService,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [ChannelTemplateResponse] })
  async list(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string) {
    if (!(await this.inboxes.findInOrganisation(user.organisationId, id))) throw ApiException.notFound('Inbox');
    return this.templates.list(user.organisationId, id);
  }

  @Roles(UserRole.Admin)
  @Post('sync')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: TemplateSyncResponse })
  async sync(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Inbox')) id: string) {
    const inbox = await this.inboxes.findInOrganisation(user.organisationId, id);
    if (!inbox) throw ApiException.notFound('Inbox');
    if (!(await this.channelJobs.requestTemplateSync(inbox))) {
      throw ApiException.validation([{ field: 'id', message: 'is an inbox whose channel has no message templates' }]);
    }
    return { queued: true };
  }
}
