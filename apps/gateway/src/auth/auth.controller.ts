import { WaslConfig } from '@app/config';
import {
  AuthenticatedUser,
  AuthService,
  CSRF_COOKIE,
  CurrentUser,
  LoginThrottledException,
  Public,
  readCookie,
  SESSION_COOKIE,
  UserLocale,
  UsersService,
} from '@app/identity';
import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { AgentsGateway } from '../realtime/agents.gateway';
import { AuthenticatedUserResponse, LoginResponse, WebSessionResponse } from './login-response.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' }) @IsEmail() @MaxLength(320) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
  @ApiPropertyOptional({ description: 'Only needed when the e-mail is staff of several organisations' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;
}

export class UpdatePreferencesDto {
  @ApiProperty({ enum: UserLocale, enumName: 'UserLocale', description: 'The interface language, applied at every login' })
  @IsEnum(UserLocale)
  locale: UserLocale;
}

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: WaslConfig,
    private readonly agents: AgentsGateway,
  ) {}

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

  // The staff web app's login: the same checks and throttling, but the token goes into an httpOnly cookie
  // that the page's scripts never see; the answer carries the CSRF token instead.
  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOkResponse({ type: WebSessionResponse })
  async startWebSession(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: AuthenticatedUser; csrfToken: string }> {
    const { accessToken, user } = await this.login(body, request, reply);
    const csrfToken = randomBytes(32).toString('base64url');
    const maxAge = this.config.security.accessTokenTtlSeconds;
    reply.header('set-cookie', [
      this.cookie(SESSION_COOKIE, accessToken, maxAge, true),
      // Readable by the app, which repeats it in the X-CSRF-Token header; another site can neither read nor send it.
      this.cookie(CSRF_COOKIE, csrfToken, maxAge, false),
    ]);
    return { user, csrfToken };
  }

  // Logout, for the web app's cookie or an API client's bearer token: that token stops working at once on every
  // gateway and its open sockets close; the user's other sessions go on. Public, so that an expired session can
  // still be cleared.
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The session ends on the server and its cookies are cleared' })
  async endWebSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : readCookie(request.headers.cookie, SESSION_COOKIE);
    const ended = token ? await this.auth.endSession(token, request.ip || 'unknown') : undefined;
    if (ended?.tokenId) this.agents.endTokenSession(ended.tokenId);
    else if (ended) this.agents.endSessions(ended.user.id);
    reply.header('set-cookie', [this.cookie(SESSION_COOKIE, '', 0, true), this.cookie(CSRF_COOKIE, '', 0, false)]);
  }

  private cookie(name: string, value: string, maxAgeSeconds: number, httpOnly: boolean): string {
    const secure = this.config.http.publicUrl.startsWith('https:');
    return [`${name}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'SameSite=Strict', httpOnly ? 'HttpOnly' : '', secure ? 'Secure' : '']
      .filter(Boolean)
      .join('; ');
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: AuthenticatedUserResponse })
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  // The signed-in user's own preferences; today the interface language, remembered across browsers.
  @ApiBearerAuth()
  @Patch('me')
  @ApiOkResponse({ type: AuthenticatedUserResponse })
  async updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdatePreferencesDto): Promise<AuthenticatedUser> {
    await this.users.setLocale(user.organisationId, user.id, body.locale);
    return { ...user, locale: body.locale };
  }
}
