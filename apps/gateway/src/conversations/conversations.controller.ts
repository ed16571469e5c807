import { ConversationsService, CreateMessageDto, ListConversationsQuery, UpdateConversationDto } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListConversationsQuery) {
    return this.conversations.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.get(user, id);
  }

  @Get(':id/messages')
  messages(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.listMessages(user, id);
  }

  @Get(':id/events')
  events(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.conversations.listEvents(user, id);
  }

  @Post(':id/messages')
  reply(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string, @Body() body: CreateMessageDto) {
    return this.conversations.addMessage(user, id, body);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Body() body: UpdateConversationDto,
  ) {
    return this.conversations.update(user, id, body);
  }
}
