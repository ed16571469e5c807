import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, TeamsService, UserRole } from '@app/identity';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TeamResponse } from './team-response.dto';

export class CreateTeamDto {
  @ApiProperty({ example: 'مكتب الخرج' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ description: 'A branch office (مكتب فرعي)' }) @IsOptional() @IsBoolean() isBranch?: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) memberIds?: string[];
}

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
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
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.TeamCreated,
      subjectType: 'team',
      subjectId: team.id,
    });
    return team;
  }
}
