import { AuthenticatedUser, AuthService, CurrentUser, LoginThrottledException, Public } from '@app/identity';
import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUserResponse, LoginResponse } from './login-response.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
  @ApiPropertyOptional({ description: 'Only needed when the e-mail is staff of several organisations' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ accessToken: string; user: AuthenticatedUser }> {
    // request.ip is the socket's address unless TRUST_PROXY names the proxy in front.
    try {
      return await this.auth.login(body.email, body.password, request.ip || 'unknown', body.organisationId);
    } catch (error) {
      if (error instanceof LoginThrottledException) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: AuthenticatedUserResponse })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }
}
