import { AuditModule } from '@app/audit';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { IdentityModule } from '@app/identity';
import { InboxesModule } from '@app/inboxes';
import { RealtimeModule } from '@app/realtime';
import { RequestsModule } from '@app/requests';
import { Module } from '@nestjs/common';
import { WebChatAttachmentsService } from './webchat-attachments.service';
import { WebChatAutoReplyService } from './webchat-auto-reply.service';
import { WebChatPhoneVerificationService } from './webchat-phone-verification.service';
import { WebChatRateLimiter } from './webchat-rate-limiter.service';
import { WebChatSessionService } from './webchat-session.service';
import { WebChatStaffAttachmentsController } from './webchat-staff-attachments.controller';
import { WebChatStaffController } from './webchat-staff.controller';
import { WebChatStaffService } from './webchat-staff.service';
import { WebChatController } from './webchat.controller';
import { WebChatGateway } from './webchat.gateway';

// The web-chat channel's gateway side: the /webchat socket namespace, the widget and its HTTP endpoints.
// Replies reach visitors from the worker through the channel adapter (libs/channels/src/webchat).
@Module({
  imports: [IdentityModule, AuditModule, InboxesModule, ContactsModule, ConversationsModule, RealtimeModule, RequestsModule],
  controllers: [WebChatController, WebChatStaffController, WebChatStaffAttachmentsController],
  providers: [
    WebChatGateway,
    WebChatSessionService,
    WebChatRateLimiter,
    WebChatAutoReplyService,
    WebChatAttachmentsService,
    WebChatStaffService,
    WebChatPhoneVerificationService,
  ],
  // Inbox administration lets the visitors of a changed inbox go; staff downloads read visitors' uploads.
  exports: [WebChatGateway, WebChatAttachmentsService],
})
export class WebChatModule {}
