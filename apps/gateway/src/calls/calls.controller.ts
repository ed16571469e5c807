import { AuditAction } from '@app/audit';
import { CallsService, LogCallDto } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditedRead } from '../audit/audited-read.decorator';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { CallListResponse, CallResponse } from './call-response.dto';

// Calls on a conversation: Twilio calls recorded by the voice webhooks, and calls officers log themselves.
@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/conversations/:id/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOkResponse({ type: CallListResponse })
  @AuditedRead({ action: AuditAction.ConversationCallsRead, subjectType: 'conversation' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string) {
    return this.calls.listForConversation(user, id);
  }

  @Post()
  @ApiCreatedResponse({ type: CallResponse })
  log(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string, @Body() body: LogCallDto) {
    return this.calls.logOutboundCall(user, id, body);
  }
}
