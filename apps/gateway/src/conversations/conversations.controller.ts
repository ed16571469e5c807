import { AuditAction } from '@app/audit';
import { ApiException } from '@app/common';
import {
  AddLabelDto,
  ConversationReadsService,
  ConversationsService,
  CreateMessageDto,
  ListConversationsQuery,
  ReplyRetryService,
  UpdateConversationDto,
} from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import {
  ConversationEventResponse,
  ConversationPageResponse,
  ConversationResponse,
  LabelListResponse,
  MessageListResponse,
  MessageResponse,
  ReadMarkerResponse,
  UnreadSummaryResponse,
} from './conversation-response.dto';

const MAX_LABEL_LENGTH = 50;

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly reads: ConversationReadsService,
    private readonly retries: ReplyRetryService,
  ) {}

  @Get()
  @AuditedRead({ action: AuditAction.ConversationsListed, subjectType: 'conversation', list: true })
  @ApiOkResponse({ type: ConversationPageResponse })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListConversationsQuery) {
    return this.conversations.list(user, query);
  }

  // Counts only: no text, name or number, so it is not a read of personal data.
  @Get('unread')
  @ApiOkResponse({ type: UnreadSummaryResponse })
  unread(@CurrentUser() user: AuthenticatedUser) {
    return this.reads.summary(user);
  }

  @Get('labels')
  @ApiOkResponse({ type: LabelListResponse })
  async labels(@CurrentUser() user: AuthenticatedUser) {
    return { items: await this.conversations.labelsInUse(user) };
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

  // The caller has read what the conversation holds so far; their unread count for it drops to zero.
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadMarkerResponse })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.reads.markRead(user, id);
  }

  @Post(':id/labels')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationResponse })
  addLabel(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string, @Body() body: AddLabelDto) {
    return this.conversations.addLabel(user, id, body.label);
  }

  @Delete(':id/labels/:label')
  @ApiOkResponse({ type: ConversationResponse })
  removeLabel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Param('label') label: string,
  ) {
    if (!label.trim() || label.length > MAX_LABEL_LENGTH) {
      throw ApiException.validation([{ field: 'label', message: `must be 1 to ${MAX_LABEL_LENGTH} characters` }]);
    }
    return this.conversations.removeLabel(user, id, label);
  }

  // Sends a failed reply again (audited). A second click while it is queued again answers 409 and sends nothing.
  @Post(':id/messages/:messageId/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageResponse })
  retry(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Param('messageId', UuidParameter('Message')) messageId: string,
  ) {
    return this.retries.retry(user, id, messageId);
  }
}
