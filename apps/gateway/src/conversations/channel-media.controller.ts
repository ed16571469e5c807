import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { ChannelJobsService, ConversationsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { sendAttachment } from '../webchat/webchat-attachment-reply.util';

const ATTACHMENT_INDEX = /^\d{1,2}$/;
// Only types a browser shows without running anything; anything else is downloaded as bytes.
const INLINE_TYPES = /^(image\/(jpeg|png|webp)|audio\/(ogg|mpeg|mp4|aac|amr)|video\/(mp4|3gpp)|application\/pdf)$/;

// Files fetched from a channel for an inbound message (a WhatsApp voice note or photo), read with the staff
// session under the same access check as the conversation; every download is written to the audit log.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations')
export class ChannelMediaController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly channelJobs: ChannelJobsService,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/messages/:messageId/media/:index')
  @ApiProduces('image/jpeg', 'audio/ogg', 'application/pdf', 'application/octet-stream')
  @ApiOkResponse({ description: 'The file, as the channel delivered it' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) conversationId: string,
    @Param('messageId', UuidParameter('Message')) messageId: string,
    @Param('index') index: string,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const conversation = await this.conversations.get(user, conversationId);
    const position = ATTACHMENT_INDEX.test(index) ? Number(index) : -1;
    const found = await this.channelJobs.mediaOf(user.organisationId, conversationId, messageId, position);
    if (!found) throw ApiException.notFound('Attachment');
    const { content, attachment } = found;
    await this.audit.recordRead({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.AttachmentDownloaded,
      subjectType: 'conversation',
      subjectId: conversationId,
      details: { messageId, index: position, contactId: conversation.contact?.id ?? null },
    });
    const contentType =
      attachment.contentType && INLINE_TYPES.test(attachment.contentType) ? attachment.contentType : 'application/octet-stream';
    sendAttachment(response, { stream: Readable.from([content]), sizeBytes: content.length, contentType });
  }
}
