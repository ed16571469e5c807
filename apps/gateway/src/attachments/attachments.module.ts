import { AuditModule } from '@app/audit';
import { Conversation, ConversationsModule, Message } from '@app/conversations';
import { InboxesModule } from '@app/inboxes';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebChatModule } from '../webchat/webchat.module';
import { MessageAttachmentsController } from './message-attachments.controller';
import { ProviderMediaService } from './provider-media.service';
import { ReplyAttachmentLinksController } from './reply-attachment-links.controller';
import { ReplyAttachmentsController } from './reply-attachments.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Message, Conversation]), AuditModule, InboxesModule, ConversationsModule, WebChatModule],
  controllers: [MessageAttachmentsController, ReplyAttachmentsController, ReplyAttachmentLinksController],
  providers: [ProviderMediaService],
})
export class AttachmentsModule {}
