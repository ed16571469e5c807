import { SmsOutreachService, StartSmsOutreachDto } from '@app/conversations';
import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/outreach/sms')
export class SmsOutreachController {
  constructor(private readonly outreach: SmsOutreachService) {}

  // Texts a beneficiary first: opens (or continues) their conversation on the SMS inbox and queues the send.
  @Post()
  start(@CurrentUser() user: AuthenticatedUser, @Body() body: StartSmsOutreachDto) {
    return this.outreach.start(user, body);
  }
}
