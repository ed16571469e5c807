import { detectAttachmentType } from '@app/channels';
import { ApiErrorCode, ApiException, normaliseText } from '@app/common';
import { ChannelMediaStore, ChannelSendRules, ConversationsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { MessageResponse } from './conversation-response.dto';

// WhatsApp takes images up to 5 MB; a PDF of that size is a long document already.
const MAX_REPLY_FILE_BYTES = 5 * 1024 * 1024;
const MAX_CAPTION_LENGTH = 1024;

async function readFile(request: FastifyRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_REPLY_FILE_BYTES) {
      request.raw.unpipe();
      throw new ApiException(ApiErrorCode.PayloadTooLarge, `A file may be at most ${MAX_REPLY_FILE_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// A reply with a file (a photo, a PDF) on channels that take them: the body is the file itself
// (application/octet-stream), its type read from its first bytes; the caption comes in ?caption=.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id/messages/file')
export class ReplyFilesController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly sendRules: ChannelSendRules,
    private readonly store: ChannelMediaStore,
  ) {}

  @Post()
  @ApiConsumes('application/octet-stream')
  @ApiQuery({ name: 'caption', required: false })
  @ApiQuery({ name: 'fileName', required: false })
  @ApiCreatedResponse({ type: MessageResponse })
  async send(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Query('caption') caption: unknown,
    @Query('fileName') fileName: unknown,
    @Req() request: FastifyRequest,
  ) {
    const conversation = await this.conversations.get(user, id);
    await this.sendRules.assertFilesAccepted(user.organisationId, conversation.inboxId);
    const text = typeof caption === 'string' ? normaliseText(caption).trim() : '';
    if (text.length > MAX_CAPTION_LENGTH)
      throw ApiException.validation([{ field: 'caption', message: `must be at most ${MAX_CAPTION_LENGTH} characters` }]);
    const content = await readFile(request);
    const type = detectAttachmentType(content);
    if (!type) throw ApiException.validation([{ field: 'file', message: 'must be a PNG or JPEG image or a PDF' }]);
    const stored = await this.store.store(conversation.inboxId, content, type.contentType);
    const name = typeof fileName === 'string' ? normaliseText(fileName, { singleLine: true }).trim().slice(0, 100) : '';
    return this.conversations.addMessage(
      user,
      id,
      { text },
      {
        attachments: [
          { url: stored.path, contentType: type.contentType, fileName: name || `file.${type.extension}`, sizeBytes: stored.sizeBytes },
        ],
      },
    );
  }
}
