import { AuditAction, AuditService } from '@app/audit';
import { AuthenticatedUser, CurrentUser, Roles, UserRole, UsersService } from '@app/identity';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'officer@example.org' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ example: 'نورة العتيبي' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiProperty({ enum: UserRole }) @IsEnum(UserRole) role: UserRole;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) teamIds?: string[];
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Roles(UserRole.Admin, UserRole.Supervisor)
  @Get()
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.users.list(user.organisationId);
  }

  @Roles(UserRole.Admin)
  @Post()
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
}
