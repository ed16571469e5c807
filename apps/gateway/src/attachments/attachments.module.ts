import { AuditModule } from '@app/audit';
import { ConversationsModule } from '@app/conversations';
import { InboxesModule } from '@app/inboxes';
import { Module } from '@nestjs/common';
import { WebChatModule } from '../webchat/webchat.module';
import { MessageAttachmentsController } from './message-attachments.controller';
import { ProviderMediaService } from './provider-media.service';
import { ReplyAttachmentLinksController } from './reply-attachment-links.controller';
import { ReplyAttachmentsController } from './reply-attachments.controller';

@Module({
  imports: [AuditModule, InboxesModule, ConversationsModule, WebChatModule],
  controllers: [MessageAttachmentsController, ReplyAttachmentsController, ReplyAttachmentLinksController],
  providers: [ProviderMediaService],
})
export class AttachmentsModule {}
