import { AuditModule } from '@app/audit';
import { ContactsModule } from '@app/contacts';
import { IdentityModule } from '@app/identity';
import { InboxesModule } from '@app/inboxes';
import { RealtimeModule } from '@app/realtime';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentUpload } from './entities/attachment-upload.entity';
import { Call } from './entities/call.entity';
import { ChannelSession } from './entities/channel-session.entity';
import { ConversationEvent } from './entities/conversation-event.entity';
import { ConversationRead } from './entities/conversation-read.entity';
import { Conversation } from './entities/conversation.entity';
import { InboundEvent } from './entities/inbound-event.entity';
import { Message } from './entities/message.entity';
import { AutomaticReplyService } from './services/automatic-reply.service';
import { CallsService } from './services/calls.service';
import { ChannelEventIntake } from './services/channel-event.intake';
import { ChannelJobsService } from './services/channel-jobs.service';
import { ChannelMediaStore } from './services/channel-media.store';
import { ChannelSessionsService } from './services/channel-sessions.service';
import { ChannelSendRules } from './services/channel-send-rules.service';
import { ContactMergeService } from './services/contact-merge.service';
import { ConversationQueriesService } from './services/conversation-queries.service';
import { ConversationReadsService } from './services/conversation-reads.service';
import { ConversationReferencesService } from './services/conversation-references.service';
import { ConversationPersonalDataService } from './services/conversation-personal-data.service';
import { ConversationsService } from './services/conversations.service';
import { DeliveryStatusService } from './services/delivery-status.service';
import { InboundBatchApplier } from './services/inbound-batch.applier';
import { InboundIntakeService } from './services/inbound-intake.service';
import { InboundMessageHandler } from './services/inbound-message.handler';
import { InboundRecoveryService } from './services/inbound-recovery.service';
import { OutboundAdapterFactory } from './services/outbound-adapter.factory';
import { OutboundDeliveryService } from './services/outbound-delivery.service';
import { OutboundPacer } from './services/outbound-pacer.service';
import { OutboundRecoveryService } from './services/outbound-recovery.service';
import { OutreachService } from './services/outreach.service';
import { ReplyAttachmentsService } from './services/reply-attachments.service';
import { ReplyRetryService } from './services/reply-retry.service';
import { OutboundSendQueue } from './services/outbound-send.queue';
import { TemplateRepliesService } from './services/template-replies.service';
import { WebChatMessagesService } from './services/web-chat-messages.service';
import { StaffConversationsService } from './services/staff-conversations.service';

const SERVICES = [
  ConversationsService,
  ConversationReadsService,
  ContactMergeService,
  InboundIntakeService,
  InboundMessageHandler,
  InboundBatchApplier,
  InboundRecoveryService,
  OutboundDeliveryService,
  OutboundAdapterFactory,
  OutboundRecoveryService,
  OutboundSendQueue,
  DeliveryStatusService,
  CallsService,
  AutomaticReplyService,
  ChannelEventIntake,
  ChannelSendRules,
  OutreachService,
  ConversationPersonalDataService,
  ReplyRetryService,
  ReplyAttachmentsService,
  ConversationReferencesService,
  ChannelJobsService,
  ChannelMediaStore,
  OutboundPacer,
  TemplateRepliesService,
  ChannelSessionsService,
  ConversationQueriesService,
  WebChatMessagesService,
  StaffConversationsService,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Conversation,
      Message,
      ConversationEvent,
      ConversationRead,
      InboundEvent,
      Call,
      ChannelSession,
      AttachmentUpload,
    ]),
    IdentityModule,
    InboxesModule,
    ContactsModule,
    AuditModule,
    RealtimeModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class ConversationsModule {}
