import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { ConversationQueriesService, ConversationsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { sendAttachment } from './webchat-attachment-reply.util';
import { WebChatAttachmentsService } from './webchat-attachments.service';

const ATTACHMENT_INDEX = /^\d{1,2}$/;

// Staff open visitors' uploads (ID cards, reports) with their own session, never through a link anyone could
// reuse; every download is written to the audit log.
@ApiTags('webchat')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/webchat/conversations')
export class WebChatStaffAttachmentsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: ConversationQueriesService,
    private readonly attachments: WebChatAttachmentsService,
    private readonly audit: AuditService,
  ) {}

  @Get(':id/messages/:messageId/attachments/:index')
  @ApiProduces('image/png', 'image/jpeg', 'application/pdf')
  @ApiOkResponse({ description: 'The file, as the visitor uploaded it' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) conversationId: string,
    @Param('messageId', UuidParameter('Message')) messageId: string,
    @Param('index') index: string,
    @Res() response: FastifyReply,
  ): Promise<void> {
    // The same access check as reading the conversation itself (404 outside the caller's organisation or inboxes).
    const conversation = await this.conversations.get(user, conversationId);
    const message = await this.messages.messageIn(user.organisationId, conversationId, messageId);
    const position = ATTACHMENT_INDEX.test(index) ? Number(index) : -1;
    const file = message ? this.attachments.localFileOf(message.attachments[position]?.url) : undefined;
    // A row can only point at uploads to its own inbox.
    const content = file && file.inboxId === message?.inboxId ? await this.attachments.readFile(file) : undefined;
    if (!content) throw ApiException.notFound('Attachment');
    await this.audit.recordRead({
      organisationId: user.organisationId,
      actorUserId: user.id,
      action: AuditAction.AttachmentDownloaded,
      subjectType: 'conversation',
      subjectId: conversationId,
      details: { messageId, index: position, contactId: conversation.contact?.id ?? null },
    });
    sendAttachment(response, content);
  }
}
