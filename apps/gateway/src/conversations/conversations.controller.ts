import { AuditAction } from '@app/audit';
import { ConversationsService, CreateMessageDto, ListConversationsQuery, UpdateConversationDto } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import {
  ConversationEventResponse,
  ConversationPageResponse,
  ConversationResponse,
  MessageListResponse,
  MessageResponse,
} from './conversation-response.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @AuditedRead({ action: AuditAction.ConversationsListed, subjectType: 'conversation', list: true })
  @ApiOkResponse({ type: ConversationPageResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListConversationsQuery) {
    return this.conversations.list(user, query);
  }

  @Get(':id')
  @AuditedRead({ action: AuditAction.ConversationViewed, subjectType: 'conversation' })
  @ApiOkResponse({ type: ConversationResponse })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.get(user, id);
  }

  @Get(':id/messages')
  @AuditedRead({ action: AuditAction.ConversationMessagesRead, subjectType: 'conversation' })
  @ApiOkResponse({ type: MessageListResponse })
  messages(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.listMessages(user, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [ConversationEventResponse] })
  events(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.listEvents(user, id);
  }

  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageResponse })
  reply(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string, @Body() body: CreateMessageDto) {
    return this.conversations.addMessage(user, id, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ConversationResponse })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Body() body: UpdateConversationDto,
  ) {
    return this.conversations.update(user, id, body);
  }
}
