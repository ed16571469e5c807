import { TemplateRepliesService } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { MessageResponse } from './conversation-response.dto';
import { ReplyOptionsResponse, TemplateReplyDto } from './reply-templates.dto';

// The composer's reply window (WhatsApp's 24 hours: open until when) and its template picker.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id')
export class ReplyTemplatesController {
  constructor(private readonly replies: TemplateRepliesService) {}

  @Get('reply-options')
  @ApiOkResponse({ type: ReplyOptionsResponse })
  options(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.replies.options(user, id);
  }

  // An approved template with its parameters: what may be sent once the window has closed.
  @Post('messages/template')
  @ApiCreatedResponse({ type: MessageResponse })
  send(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string, @Body() body: TemplateReplyDto) {
    return this.replies.send(user, id, body.templateId, body.parameters);
  }
}
