import { ALL_ROLES, AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { RequestSettingsService, RequestTypesService, SaveRequestTypeDto, UpdateRequestSettingsDto } from '@app/requests';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { RequestSettingsResponse, RequestTypeResponse } from './request-response.dto';

// Request types (their forms and documents) and the organisation's request settings: administrators change them,
// all staff read them (the forms are what officers fill in).
@ApiTags('requests')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller('api/v1')
export class RequestConfigurationController {
  constructor(
    private readonly types: RequestTypesService,
    private readonly settings: RequestSettingsService,
  ) {}

  @Get('request-types')
  @ApiOkResponse({ type: [RequestTypeResponse] })
  listTypes(@CurrentUser() user: AuthenticatedUser) {
    return this.types.list(user.organisationId);
  }

  @Get('request-types/:id')
  @ApiOkResponse({ type: RequestTypeResponse })
  getType(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Request type')) id: string) {
    return this.types.get(user.organisationId, id);
  }

  @Roles(UserRole.Admin)
  @Post('request-types')
  @ApiCreatedResponse({ type: RequestTypeResponse })
  createType(@CurrentUser() user: AuthenticatedUser, @Body() body: SaveRequestTypeDto) {
    return this.types.save(user, body);
  }

  // A new version: requests already filed keep the one they were filed under.
  @Roles(UserRole.Admin)
  @Put('request-types/:id')
  @ApiOkResponse({ type: RequestTypeResponse })
  updateType(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Request type')) id: string,
    @Body() body: SaveRequestTypeDto,
  ) {
    return this.types.save(user, body, id);
  }

  @Get('request-settings')
  @ApiOkResponse({ type: RequestSettingsResponse })
  getSettings(@CurrentUser() user: AuthenticatedUser) {
    return this.settings.get(user.organisationId);
  }

  @Roles(UserRole.Admin)
  @Put('request-settings')
  @ApiOkResponse({ type: RequestSettingsResponse })
  updateSettings(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateRequestSettingsDto) {
    return this.settings.update(user, body);
  }
}
