import {
  ContactExportFormat,
  ContactExportQuery,
  ContactPrivacyService,
  CorrectContactDto,
  EraseContactDto,
  renderContactExportHtml,
} from '@app/privacy';
import { AuthenticatedUser, CurrentUser, Roles, UserRole } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParameter } from '../http/uuid-parameter.pipe';

// A beneficiary's PDPL requests, carried out by the association: a copy of their data, a correction, an erasure.
@ApiTags('privacy')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/contacts')
export class PrivacyController {
  constructor(private readonly privacy: ContactPrivacyService) {}

  @Roles(UserRole.Supervisor, UserRole.Admin)
  @Get(':id/export')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Contact')) id: string,
    @Query() query: ContactExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = query.format ?? ContactExportFormat.Json;
    const data = await this.privacy.export(user, id, format);
    // Personal data: never kept by a browser or a proxy cache.
    reply.header('cache-control', 'no-store');
    if (format === ContactExportFormat.Json) {
      reply.header('content-disposition', `attachment; filename="contact-${id}.json"`);
      return data;
    }
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('content-disposition', `inline; filename="contact-${id}.html"`);
    // The page has no scripts and loads nothing: only its own inline styles are allowed.
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return renderContactExportHtml(data);
  }

  @Patch(':id')
  correct(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Contact')) id: string, @Body() body: CorrectContactDto) {
    return this.privacy.correct(user, id, body);
  }

  @Post(':id/erase')
  @HttpCode(200)
  erase(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Contact')) id: string, @Body() body: EraseContactDto) {
    return this.privacy.erase(user, id, body);
  }
}
