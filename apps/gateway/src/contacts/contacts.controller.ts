import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { ContactsService } from '@app/contacts';
import { ChannelJobsService, ContactMergeService, ConversationsService, decodeCursor, encodeCursor } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles, UserRole } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { sendAttachment } from '../webchat/webchat-attachment-reply.util';
import { ContactDetailResponse, ContactPageResponse, ContactResponse } from './contact-response.dto';

export class ListContactsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 25 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class MergeContactDto {
  @ApiProperty({ description: 'The contact that disappears into this one' }) @IsUUID() sourceContactId: string;
}

@ApiTags('contacts')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly conversations: ConversationsService,
    private readonly merges: ContactMergeService,
    private readonly channelJobs: ChannelJobsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @AuditedRead({ action: AuditAction.ContactsListed, subjectType: 'contact', list: true })
  @ApiOkResponse({ type: ContactPageResponse })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListContactsQuery) {
    const limit = query.limit ?? 25;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.contacts.search(user.organisationId, {
      q: query.q?.trim() || undefined,
      limit: limit + 1,
      before: before && { createdAt: before.at, id: before.id },
      scope: this.conversations.contactScopeFor(user),
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
  }

  // Reading one beneficiary's full record is personal-data access: it is written to the audit log.
  @Get(':id')
  @ApiOkResponse({ type: ContactDetailResponse })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Contact')) id: string) {
    const contact = await this.contacts.findInOrganisation(user.organisationId, id);
    // A contact outside the user's conversations is 404, as another organisation's is.
    if (!contact || !(await this.conversations.canSeeContact(user, id))) throw ApiException.notFound('Contact');
    const [identities, conversations, picturePath] = await Promise.all([
      this.contacts.identitiesOf(user.organisationId, id),
      this.conversations.listForContact(user, id),
      this.contacts.picturePathOf(user.organisationId, id),
    ]);
    await this.audit.record({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.ContactViewed,
      subjectType: 'contact',
      subjectId: id,
    });
    return {
      ...contact,
      identities: identities.map(({ kind, value, scope }) => ({ kind, value, inboxId: scope || null })),
      conversations,
      pictureUrl: picturePath ? `/api/v1/contacts/${id}/picture` : null,
    };
  }

  // A beneficiary's picture is personal data like the rest of the record: the same access check, and audited.
  @Get(':id/picture')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The profile picture the channel shared' })
  async picture(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Contact')) id: string,
    @Res() response: FastifyReply,
  ): Promise<void> {
    if (!(await this.conversations.canSeeContact(user, id))) throw ApiException.notFound('Contact');
    const picture = await this.channelJobs.contactPicture(user.organisationId, id);
    if (!picture) throw ApiException.notFound('Picture');
    await this.audit.recordRead({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.ContactViewed,
      subjectType: 'contact',
      subjectId: id,
      details: { part: 'picture' },
    });
    sendAttachment(response, {
      stream: Readable.from([picture.content]),
      sizeBytes: picture.content.length,
      contentType: picture.contentType,
    });
  }

  @Roles(UserRole.Officer, UserRole.Supervisor, UserRole.Admin)
  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: ContactResponse, description: 'The contact merged into' })
  async merge(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Contact')) id: string, @Body() body: MergeContactDto) {
    if (!(await this.conversations.canSeeContact(user, id))) throw ApiException.notFound('Contact');
    if (!(await this.conversations.canSeeContact(user, body.sourceContactId))) {
      throw ApiException.validation([{ field: 'sourceContactId', message: 'is not a contact of this organisation' }]);
    }
    return this.merges.merge(user, id, body.sourceContactId);
  }
}
