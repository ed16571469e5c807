import { ChannelSendRules, ConversationsService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { MessagePreviewDto, MessagePreviewResponse } from './message-preview.dto';

// What the officer sees while typing a reply: on channels that count SMS parts, the encoding and parts, and
// whether sending would be refused. The channel's definition decides.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id/messages/preview')
export class MessagePreviewController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly sendRules: ChannelSendRules,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: MessagePreviewResponse })
  async preview(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Body() body: MessagePreviewDto,
  ): Promise<MessagePreviewResponse> {
    const conversation = await this.conversations.get(user, id);
    const measure = await this.sendRules.measure(user.organisationId, conversation.inboxId, body.text);
    return { channel: conversation.channel, sms: measure?.sms ?? null };
  }
}
