import { AuditAction } from '@app/audit';
import { ConversationsService } from '@app/conversations';
import { ALL_ROLES, AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles, UserRole } from '@app/identity';
import {
  CannedRepliesService,
  CreateCannedReplyDto,
  PreviewCannedReplyDto,
  RenderCannedReplyQuery,
  UpdateCannedReplyDto,
} from '@app/knowledge';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { CannedReplyPreviewResponse, CannedReplyResponse, RenderedCannedReplyResponse } from './knowledge-response.dto';

@ApiTags('canned-replies')
@ApiBearerAuth()
@Roles(UserRole.Admin)
@Controller('api/v1/canned-replies')
export class CannedRepliesController {
  constructor(private readonly replies: CannedRepliesService) {}

  @Roles(...ALL_ROLES)
  @Get()
  @ApiOkResponse({ type: [CannedReplyResponse] })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.replies.list(user);
  }

  @Post()
  @ApiCreatedResponse({ type: CannedReplyResponse })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateCannedReplyDto) {
    return this.replies.create(user, body);
  }

  // The editor's live preview, with sample values; nothing is stored.
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: CannedReplyPreviewResponse })
  preview(@Body() body: PreviewCannedReplyDto) {
    return this.replies.preview(body.body, body.language ?? 'ar');
  }

  @Patch(':id')
  @ApiOkResponse({ type: CannedReplyResponse })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Canned reply')) id: string,
    @Body() body: UpdateCannedReplyDto,
  ) {
    return this.replies.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Canned reply')) id: string): Promise<void> {
    await this.replies.remove(user, id);
  }
}

// A canned reply filled in for one conversation: the beneficiary's name and the conversation's number come from a
// conversation the officer may see (404 otherwise), so the read is audited like opening it.
@ApiTags('canned-replies')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations')
export class ConversationCannedRepliesController {
  constructor(
    private readonly replies: CannedRepliesService,
    private readonly conversations: ConversationsService,
  ) {}

  @Get(':id/canned-replies/:cannedReplyId')
  @AuditedRead({ action: AuditAction.CannedReplyRendered, subjectType: 'conversation' })
  @ApiOkResponse({ type: RenderedCannedReplyResponse })
  async render(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParameter('Conversation')) id: string,
    @Param('cannedReplyId', UuidParameter('Canned reply')) cannedReplyId: string,
    @Query() query: RenderCannedReplyQuery,
  ) {
    const conversation = await this.conversations.get(user, id);
    // Support requests and their decisions are not linked to conversations yet: those variables stay blank.
    return this.replies.render(user, cannedReplyId, query.language ?? 'ar', {
      'contact.name': conversation.contact?.name,
      'conversation.number': conversation.number,
      'officer.name': user.name,
    });
  }
}
