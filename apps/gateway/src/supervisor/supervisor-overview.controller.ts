import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SupervisorOverviewResponse } from './supervisor-overview.dto';
import { SupervisorOverviewService } from './supervisor-overview.service';

@ApiTags('supervisor')
@ApiBearerAuth()
@Roles(UserRole.Supervisor, UserRole.Admin)
@Controller('api/v1/supervisor')
export class SupervisorOverviewController {
  constructor(private readonly overviews: SupervisorOverviewService) {}

  @Get('overview')
  @ApiOkResponse({ type: SupervisorOverviewResponse })
  overview(@CurrentUser() user: AuthenticatedUser): Promise<SupervisorOverviewResponse> {
    return this.overviews.overview(user.organisationId);
  }
}
