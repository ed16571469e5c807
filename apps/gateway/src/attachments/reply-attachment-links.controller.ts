import { ApiErrorCode, ApiException } from '@app/common';
import { checkReplyFileLink, ReplyAttachmentsService } from '@app/conversations';
import { Public } from '@app/identity';
import { InboxesService } from '@app/inboxes';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendAttachment } from '../webchat/webchat-attachment-reply.util';

// The signed links that carry an officer's file to whoever the channel hands it to: a web-chat visitor's browser,
// Twilio fetching an MMS mediaUrl (GET and HEAD), the association's app following its callback. A link names the
// inbox, conversation and file and is signed with the inbox's secret; an expired one is 403, anything else 404.
@ApiExcludeController()
@Public()
@Controller('files')
export class ReplyAttachmentLinksController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly attachments: ReplyAttachmentsService,
  ) {}

  @Get(':inboxId/:conversationId/:fileId')
  async download(
    @Param('inboxId') inboxId: string,
    @Param('conversationId') conversationId: string,
    @Param('fileId') fileId: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Res() response: FastifyReply,
  ): Promise<void> {
    const file = { inboxId, conversationId, fileId };
    const found = /^[0-9a-f-]{36}$/.test(inboxId) ? await this.inboxes.findWithSecrets(inboxId) : null;
    const check = found ? checkReplyFileLink(found.secrets.signingSecret, file, expires, signature) : 'invalid';
    if (check === 'expired') throw new ApiException(ApiErrorCode.Forbidden, 'This attachment link has expired');
    const content = check === 'valid' ? await this.attachments.read(file) : undefined;
    if (!content) throw ApiException.notFound('Attachment');
    sendAttachment(response, content);
  }
}
