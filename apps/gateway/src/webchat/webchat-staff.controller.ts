import { AuthenticatedUser, CurrentUser, INBOX_ROLES, Roles } from '@app/identity';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParameter } from '../http/uuid-parameter.pipe';
import { WebChatStaffService } from './webchat-staff.service';

// Officers' typing and read receipts for web-chat visitors (replies themselves go through POST .../messages).
@ApiTags('webchat')
@ApiBearerAuth()
@Roles(...INBOX_ROLES)
@Controller('api/v1/webchat/conversations')
export class WebChatStaffController {
  constructor(private readonly staff: WebChatStaffService) {}

  @Post(':id/typing')
  @HttpCode(204)
  async typing(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string): Promise<void> {
    await this.staff.typing(user, id);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParameter('Conversation')) id: string): Promise<{ read: number }> {
    return this.staff.markRead(user, id);
  }
}
