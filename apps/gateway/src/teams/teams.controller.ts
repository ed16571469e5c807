import { AuditAction, AuditService } from '@app/audit';
import { ApiErrorCode, ApiException } from '@app/common';
import { ConversationReferencesService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { InboxAccessService } from '@app/inboxes';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { AgentsGateway } from '../realtime/agents.gateway';
import { TeamResponse } from './team-response.dto';

export class CreateTeamDto {
  @ApiProperty({ example: 'مكتب الخرج' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({ description: 'A branch office (مكتب فرعي)' }) @IsOptional() @IsBoolean() isBranch?: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) memberIds?: string[];
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ example: 'مكتب الدلم' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ description: 'A branch office (مكتب فرعي)' }) @IsOptional() @IsBoolean() isBranch?: boolean;
}

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') userId: string;
}

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
    private readonly agents: AgentsGateway,
    private readonly inboxAccess: InboxAccessService,
    private readonly references: ConversationReferencesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [TeamResponse] })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.teams.list(user.organisationId);
  }

  @Roles(UserRole.Admin)
  @Post()
  @ApiCreatedResponse({ type: TeamResponse })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateTeamDto) {
    const team = await this.teams.create(user.organisationId, body);
    await this.record(user, AuditAction.TeamCreated, team.id);
    return team;
  }

  @Roles(UserRole.Admin)
  @Patch(':id')
  @ApiOkResponse({ type: TeamResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Team')) id: string, @Body() body: UpdateTeamDto) {
    const team = await this.teams.update(user.organisationId, id, body);
    if (!team) throw ApiException.notFound('Team');
    await this.record(user, AuditAction.TeamUpdated, id, { name: team.name, isBranch: team.isBranch });
    return team;
  }

  // A member gains at once what the team gives (its inboxes, the conversations assigned to it): their open sockets
  // join the rooms without reconnecting. Removing them takes it away the same way.
  @Roles(UserRole.Admin)
  @Post(':id/members')
  @HttpCode(200)
  @ApiOkResponse({ type: TeamResponse })
  async addMember(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Team')) id: string, @Body() body: AddTeamMemberDto) {
    return this.setMember(user, id, body.userId, true);
  }

  @Roles(UserRole.Admin)
  @Delete(':id/members/:userId')
  @ApiOkResponse({ type: TeamResponse })
  async removeMember(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Team')) id: string,
    @Param('userId', UuidParameter('User')) userId: string,
  ) {
    return this.setMember(user, id, userId, false);
  }

  // Refused while open or pending conversations are assigned to the team: they would be left to nobody but the
  // overseers. Otherwise its finished conversations keep their history with no team, it leaves every inbox's access
  // list, and its members' open sockets lose the rooms it gave them.
  @Roles(UserRole.Admin)
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its memberships and its places on inbox access lists' })
  @ApiConflictResponse({ description: 'Open or pending conversations are assigned to it' })
  async delete(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Team')) id: string): Promise<void> {
    const team = await this.teams.get(user.organisationId, id);
    if (!team) throw ApiException.notFound('Team');
    const open = await this.references.openAssignedToTeam(user.organisationId, id);
    if (open > 0) {
      throw new ApiException(ApiErrorCode.Conflict, `${open} open or pending conversations are assigned to this team; assign them first`, [
        { field: 'id', message: `has ${open} open or pending conversations assigned` },
      ]);
    }
    await this.inboxAccess.forgetTeam(user.organisationId, id);
    const released = await this.references.releaseTeam(user.organisationId, id);
    await this.teams.delete(user.organisationId, id);
    await this.agents.refreshRooms(team.memberIds);
    await this.record(user, AuditAction.TeamDeleted, id, {
      name: team.name,
      members: team.memberIds.length,
      conversationsReleased: released,
    });
  }

  private async setMember(user: AuthenticatedUser, teamId: string, userId: string, member: boolean) {
    const changed = await this.teams.setMember(user.organisationId, teamId, userId, member);
    if (changed === null) throw ApiException.notFound('Team');
    if (changed) {
      await this.agents.refreshRooms([userId]);
      await this.record(user, member ? AuditAction.TeamMemberAdded : AuditAction.TeamMemberRemoved, teamId, { userId });
    }
    return (await this.teams.get(user.organisationId, teamId))!;
  }

  private async record(user: AuthenticatedUser, action: AuditAction, teamId: string, details?: Record<string, string | number | boolean>) {
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action,
      subjectType: 'team',
      subjectId: teamId,
      ...(details ? { details } : {}),
    });
  }
}
