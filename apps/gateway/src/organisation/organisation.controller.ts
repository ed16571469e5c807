import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, OrganisationSettingsView, OrganisationsService, Roles, UserRole } from '@app/identity';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrganisationResponse, UpdateOrganisationDto } from './organisation.dto';

// The caller's own organisation: every staff member reads it (the app shows dates and numbers by it), its
// administrators change it.
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('api/v1/organisation')
export class OrganisationController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOkResponse({ type: OrganisationResponse })
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.organisations.settings(user.organisationId);
  }

  @Roles(UserRole.Admin)
  @Patch()
  @ApiOkResponse({ type: OrganisationResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateOrganisationDto) {
    const { settings, changed } = await this.organisations.updateSettings(user.organisationId, body);
    if (changed.length > 0) {
      await this.audit.record({
        organisationId: user.organisationId,
        actorUserId: user.id,
        action: AuditAction.OrganisationUpdated,
        subjectType: 'organisation',
        subjectId: user.organisationId,
        details: { changed, ...Object.fromEntries(changed.map((field) => [field, settings[field as keyof OrganisationSettingsView]])) },
      });
    }
    return settings;
  }
}
