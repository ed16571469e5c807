import { ALL_ROLES, AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import {
  CaptureFeedbackDto,
  CreateInternalRequestDto,
  KindActionDto,
  KindRequestSettingsDto,
  KindRequestsService,
  ListKindRequestsQuery,
  UpdateTagsDto,
} from '@app/requests';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import {
  KindRequestEventListResponse,
  KindRequestListResponse,
  KindRequestResponse,
  KindRequestSettingsResponse,
} from './kind-request-response.dto';

// Volunteering applications, suggestions and complaints, and internal requests: the staff API. Every state change is
// one action of the kind's state machine (KIND_TRANSITIONS), checked on the server for the role, the team and the state.
@ApiTags('request-kinds')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('api/v1')
export class KindRequestsController {
  constructor(private readonly records: KindRequestsService) {}

  @Get('kind-requests')
  @ApiOkResponse({ type: KindRequestListResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListKindRequestsQuery) {
    return this.records.list(user, query);
  }

  // One click in a conversation: the beneficiary's suggestion or complaint, linked to it.
  @Post('kind-requests/feedback')
  @ApiCreatedResponse({ type: KindRequestResponse })
  captureFeedback(@CurrentUser() user: AuthenticatedUser, @Body() body: CaptureFeedbackDto) {
    return this.records.captureFeedback(user, body);
  }

  @Post('kind-requests/internal')
  @ApiCreatedResponse({ type: KindRequestResponse })
  createInternal(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInternalRequestDto) {
    return this.records.createInternal(user, body);
  }

  @Get('kind-requests/:id')
  @ApiOkResponse({ type: KindRequestResponse })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Record')) id: string) {
    return this.records.view(user, id);
  }

  @Get('kind-requests/:id/events')
  @ApiOkResponse({ type: KindRequestEventListResponse })
  events(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Record')) id: string) {
    return this.records.events(user, id);
  }

  @Post('kind-requests/:id/actions')
  @ApiCreatedResponse({ type: KindRequestResponse })
  act(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Record')) id: string, @Body() body: KindActionDto) {
    return this.records.act(user, id, body);
  }

  @Put('kind-requests/:id/tags')
  @ApiOkResponse({ type: KindRequestResponse })
  tags(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Record')) id: string, @Body() body: UpdateTagsDto) {
    return this.records.updateTags(user, id, body.tags);
  }

  @Get('kind-request-settings')
  @ApiOkResponse({ type: KindRequestSettingsResponse })
  settings(@CurrentUser() user: AuthenticatedUser) {
    return this.records.settings(user.organisationId);
  }

  @Roles(UserRole.Admin)
  @Put('kind-request-settings')
  @ApiOkResponse({ type: KindRequestSettingsResponse })
  saveSettings(@CurrentUser() user: AuthenticatedUser, @Body() body: KindRequestSettingsDto) {
    return this.records.saveSettings(user, body);
  }
}
