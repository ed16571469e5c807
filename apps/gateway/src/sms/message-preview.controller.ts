import { ConversationsService, previewSmsLength, repliesGoOutAsSms, SmsLengthPreview } from '@app/conversations';
import { WaslConfig } from '@app/config';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { MessagePreviewDto, MessagePreviewResponse } from './message-preview.dto';

// What the officer sees while typing a reply: encoding and SMS parts, and whether sending would be refused.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id/messages/preview')
export class MessagePreviewController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly config: WaslConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: MessagePreviewResponse })
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Body() body: MessagePreviewDto,
  ): Promise<{ channel: string; sms: SmsLengthPreview | null }> {
    const conversation = await this.conversations.get(user, id);
    const sms = repliesGoOutAsSms(conversation.channel) ? previewSmsLength(body.text, this.config.sms.maxParts) : null;
    return { channel: conversation.channel, sms };
  }
}
