import { AttachmentRule } from '@app/channels';
import { NOTE_ATTACHMENT_RULE, ReplyAttachmentsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { uploadFileName } from '../http/upload-body.util';
import { UuidParameter } from '../http/uuid-parameter.pipe';

export class AttachmentUploadResponse {
  @ApiProperty({ format: 'uuid', description: 'Give it in attachmentIds of POST /conversations/:id/messages' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversationId: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'Told by the file’s first bytes' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AttachmentRuleResponse {
  @ApiProperty({ type: [String], example: ['image/png', 'image/jpeg', 'application/pdf'] }) contentTypes: string[];
  @ApiProperty() maxCount: number;
  @ApiProperty({ description: 'Each file' }) maxBytes: number;
  @ApiProperty({ description: 'All files of one message together' }) maxTotalBytes: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Where the text travels as the file’s caption, its limit beside a file' })
  maxCaptionLength: number | null;
  @ApiProperty() note: string;
}

export class AttachmentRulesResponse {
  @ApiProperty({
    type: AttachmentRuleResponse,
    nullable: true,
    description: 'What a reply may carry on this conversation’s channel; null where it carries no files',
  })
  reply: AttachmentRuleResponse | null;
  @ApiProperty({ type: AttachmentRuleResponse, description: 'What a private note may carry (never sent)' })
  note: AttachmentRuleResponse;
  @ApiProperty({ type: AttachmentRuleResponse, description: 'What an upload to this conversation is checked against' })
  upload: AttachmentRuleResponse;
}

function ruleView(rule: AttachmentRule): AttachmentRuleResponse {
  const { contentTypes, maxCount, maxBytes, maxTotalBytes, note } = rule;
  return { contentTypes: [...contentTypes], maxCount, maxBytes, maxTotalBytes, maxCaptionLength: rule.maxCaptionLength ?? null, note };
}

// Officers' files for replies and private notes: uploaded first (the file itself as the body, like web chat's
// uploads), then named in attachmentIds when the message is written.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id')
export class ReplyAttachmentsController {
  constructor(private readonly attachments: ReplyAttachmentsService) {}

  @Post('attachments')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description:
      'The file itself: PNG, JPEG or PDF (told by its first bytes), within the channel’s rule (GET …/attachment-rules, `upload`)',
  })
  @ApiHeader({ name: 'x-file-name', description: 'The file name, percent-encoded (تقرير.pdf)', required: true })
  @ApiCreatedResponse({ type: AttachmentUploadResponse })
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const declared = Number(request.headers['content-length']);
    try {
      return await this.attachments.upload(user, id, {
        body: request.raw as AsyncIterable<Buffer>,
        declaredBytes: Number.isFinite(declared) ? declared : undefined,
        fileName: uploadFileName(request.headers['x-file-name']),
      });
    } catch (error) {
      // A refused upload may be half read: the rest is discarded and the connection closed after the answer, or the
      // client would wait for ever to finish sending a body nobody reads.
      if (!request.raw.readableEnded) {
        response.header('connection', 'close');
        request.raw.resume();
      }
      throw error;
    }
  }

  @Get('attachment-rules')
  @ApiOkResponse({ type: AttachmentRulesResponse })
  async rules(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
  ): Promise<AttachmentRulesResponse> {
    const { reply, upload } = await this.attachments.rulesOf(user, id);
    return { reply: reply && ruleView(reply), note: ruleView(NOTE_ATTACHMENT_RULE), upload: ruleView(upload) };
  }
}
