import { OutreachService, StartConversationDto } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StartedConversationResponse } from './conversation-response.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  // Writes first on any channel that can (SMS today), or records a walk-in visit: opens (or continues) the
  // beneficiary's conversation on that inbox and queues the send.
  @Post('conversations')
  @ApiOperation({ summary: 'Start a conversation: write first to a beneficiary, or record a walk-in visit' })
  @ApiCreatedResponse({ type: StartedConversationResponse })
  start(@CurrentUser() user: AuthenticatedUser, @Body() body: StartConversationDto) {
    return this.outreach.start(user, body);
  }

  // The first form of the route above, from when only SMS could write first; kept for existing clients.
  @Post('outreach/sms')
  @ApiOperation({ summary: 'Start a conversation by SMS (the same as POST /api/v1/conversations)', deprecated: true })
  @ApiCreatedResponse({ type: StartedConversationResponse })
  startBySms(@CurrentUser() user: AuthenticatedUser, @Body() body: StartConversationDto) {
    return this.outreach.start(user, body);
  }
}
