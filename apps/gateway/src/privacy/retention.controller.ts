import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { RetentionService, RetentionSettingsDto } from '@app/privacy';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

// The organisation's retention of personal data; the nightly worker job applies it (apps/worker maintenance.processor).
@ApiTags('admin')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/admin/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  settings(@CurrentUser() user: AuthenticatedUser) {
    return this.retention.settings(user.organisationId);
  }

  @Put()
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: RetentionSettingsDto) {
    return this.retention.updateSettings(user, body);
  }

  // What a run would remove today, changing nothing.
  @Post('dry-run')
  @HttpCode(200)
  dryRun(@CurrentUser() user: AuthenticatedUser) {
    return this.retention.dryRun(user.organisationId);
  }
}
