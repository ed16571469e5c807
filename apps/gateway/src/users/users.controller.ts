import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { AuthenticatedUser, AuthService, CurrentUser, IsAcceptablePassword, Roles, UserRole, UsersService } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { AgentsGateway } from '../realtime/agents.gateway';
import { UserListItemResponse, UserResponse } from './user-response.dto';

export class CreateUserDto {
  @ApiProperty({ example: 'officer@example.org' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ example: 'نورة العتيبي' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: UserRole }) @IsEnum(UserRole) role: UserRole;
  @ApiProperty({ minLength: 10, description: 'Not only spaces, not a common password' })
  @IsString()
  @IsAcceptablePassword()
  password: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) teamIds?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: UserRole }) @IsOptional() @IsEnum(UserRole) role?: UserRole;
  @ApiPropertyOptional({ description: 'false ends every session and open socket of the user at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Replaces the memberships' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  teamIds?: string[];
}

export class SetPasswordDto {
  @ApiProperty({ minLength: 10, description: 'Not only spaces, not a common password' })
  @IsString()
  @IsAcceptablePassword()
  password: string;
  @ApiPropertyOptional({ description: 'Required to change your own password' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  currentPassword?: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly agents: AgentsGateway,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  @ApiOkResponse({ type: [UserListItemResponse] })
  async list(@CurrentUser() user: AuthenticatedUser) {
    const users = await this.users.list(user.organisationId);
    const blocked = await this.auth.loginBlockedUntil(users.map((listed) => listed.email));
    return users.map((listed) => ({ ...listed, loginBlockedUntil: blocked.get(listed.email) ?? null }));
  }

  // Failed logins slow an account down (never a long lock); an administrator who knows it is the owner lets them
  // try again at once.
  @Roles(UserRole.Admin)
  @Post(':id/unlock')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account’s login throttle is cleared' })
  async unlock(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('User')) id: string): Promise<void> {
    const target = await this.users.findInOrganisation(user.organisationId, id);
    if (!target) throw ApiException.notFound('User');
    const failuresCleared = await this.auth.unlockLogin(target);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.UserUnlocked,
      subjectType: 'user',
      subjectId: id,
      details: { failuresCleared },
    });
  }

  @Roles(UserRole.Admin)
  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto) {
    const created = await this.users.create(user.organisationId, body);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.UserCreated,
      subjectType: 'user',
      subjectId: created.id,
      details: { role: created.role },
    });
    return created;
  }

  @Roles(UserRole.Admin)
  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  async update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('User')) id: string, @Body() body: UpdateUserDto) {
    const { user: updated, accessChanged } = await this.users.update(user.organisationId, id, body);
    if (accessChanged) this.agents.endSessions(id);
    // Other teams can mean other inboxes (officers) or other referred conversations (researchers).
    else if (body.teamIds !== undefined) await this.agents.refreshRooms([id]);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.UserUpdated,
      subjectType: 'user',
      subjectId: id,
      details: {
        changed: Object.keys(body).filter((key) => body[key as keyof UpdateUserDto] !== undefined),
        role: updated.role,
        active: updated.active,
      },
    });
    return updated;
  }

  // An administrator resets anyone's password in the organisation; everyone changes their own with the current one.
  // Either way every session of that user ends.
  @Post(':id/password')
  @HttpCode(204)
  async setPassword(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('User')) id: string,
    @Body() body: SetPasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const own = id === user.id;
    if (own) {
      const stored = await this.users.findInOrganisation(user.organisationId, id);
      const valid = stored && body.currentPassword && (await this.auth.verifyCurrentPassword(stored, body.currentPassword, request.ip));
      if (!valid) throw ApiException.validation([{ field: 'currentPassword', message: 'currentPassword is not your current password' }]);
    } else if (user.role !== UserRole.Admin) {
      throw ApiException.forbidden();
    }
    await this.users.setPassword(user.organisationId, id, body.password);
    this.agents.endSessions(id);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: own ? AuditAction.UserPasswordChanged : AuditAction.UserPasswordReset,
      subjectType: 'user',
      subjectId: id,
    });
  }
}
