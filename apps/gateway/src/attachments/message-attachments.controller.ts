import { AttachmentMetadata } from '@app/channels';
import { AuditAction, AuditService } from '@app/audit';
import { ApiException } from '@app/common';
import { ConversationQueriesService, ConversationsService, ReplyAttachmentsService, replyFileOf } from '@app/conversations';
import type { Message } from '@app/conversations/entities';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { sendAttachment } from '../webchat/webchat-attachment-reply.util';
import { AttachmentContent, WebChatAttachmentsService } from '../webchat/webchat-attachments.service';
import { ProviderMediaService } from './provider-media.service';

const ATTACHMENT_INDEX = /^\d{1,2}$/;

// Any message's attachment for staff, with their own session: a web-chat visitor's upload or an officer's file from the
// attachment store, or a
// provider's file (an MMS photo, a voicemail) fetched from the provider. Checked like reading the conversation and
// written to the audit log; the page shows images and plays audio from here, so nothing is loaded from elsewhere.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id/messages/:messageId/attachments')
export class MessageAttachmentsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: ConversationQueriesService,
    private readonly uploads: WebChatAttachmentsService,
    private readonly providerMedia: ProviderMediaService,
    private readonly replyFiles: ReplyAttachmentsService,
    private readonly audit: AuditService,
  ) {}

  @Get(':index')
  @ApiProduces('image/png', 'image/jpeg', 'audio/x-wav', 'audio/mpeg', 'application/pdf', 'application/octet-stream')
  @ApiOkResponse({ description: 'The file, as the beneficiary or the officer sent it' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) conversationId: string,
    @Param('messageId', UuidParameter('Message')) messageId: string,
    @Param('index') index: string,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const conversation = await this.conversations.get(user, conversationId);
    const message = await this.messages.messageIn(user.organisationId, conversationId, messageId);
    const position = ATTACHMENT_INDEX.test(index) ? Number(index) : -1;
    const attachment: AttachmentMetadata | undefined = message?.attachments[position];
    const content = message && attachment?.url ? await this.read(message, attachment.url) : undefined;
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

  private async read(message: Message, url: string): Promise<AttachmentContent | undefined> {
    const upload = this.uploads.localFileOf(url);
    // A row can only point at uploads to its own inbox.
    if (upload) return upload.inboxId === message.inboxId ? this.uploads.readFile(upload) : undefined;
    // An officer's file on a reply or note: only the message's own conversation's.
    const replyFile = replyFileOf(url);
    if (replyFile) {
      const own = replyFile.inboxId === message.inboxId && replyFile.conversationId === message.conversationId;
      return own ? this.replyFiles.read(replyFile) : undefined;
    }
    // Provider media is bounded (ProviderMediaService's size limit), so it is fetched whole and sent as one chunk.
    const media = await this.providerMedia.fetch(message.inboxId, url);
    return media && { stream: Readable.from([media.content]), sizeBytes: media.content.length, contentType: media.contentType };
  }
}
