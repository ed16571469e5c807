import { AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FailedJobsService } from './failed-jobs.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/admin')
export class AdminController {
  constructor(
    private readonly failedJobs: FailedJobsService,
    private readonly audit: AuditService,
  ) {}

  @Get('failed-jobs')
  async listFailedJobs(@CurrentUser() user: AuthenticatedUser) {
    return { items: await this.failedJobs.list(user.organisationId) };
  }

  @Get('audit-log')
  async listAuditLog(@CurrentUser() user: AuthenticatedUser) {
    return { items: await this.audit.list(user.organisationId) };
  }
}
