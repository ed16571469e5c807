import { AuditModule } from '@app/audit';
import { ApiException, ApiExceptionFilter, toFieldProblems } from '@app/common';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { ConfigModule, WaslConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AuthGuard, IdentityModule } from '@app/identity';
import { InboxesModule } from '@app/inboxes';
import { ObservabilityModule } from '@app/observability';
import { QueueModule } from '@app/queue';
import { RealtimeModule } from '@app/realtime';
import { StorageModule } from '@app/storage';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
// The worker's processors, imported so that WASL_ROLE=all runs both halves in one process.
import { WorkerModule } from '@app/worker';
import { AdminController } from './admin/admin.controller';
import { FailedJobsService } from './admin/failed-jobs.service';
import { AuthController } from './auth/auth.controller';
import { ContactsController } from './contacts/contacts.controller';
import { ConversationsController } from './conversations/conversations.controller';
import { HealthController } from './health/health.controller';
import { ChannelDefinitionsController } from './inboxes/channel-definitions.controller';
import { InboxesController } from './inboxes/inboxes.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { AgentsGateway } from './realtime/agents.gateway';
import { TeamsController } from './teams/teams.controller';
import { UsersController } from './users/users.controller';
import { CallsController } from './calls/calls.controller';
import { MessagePreviewController } from './conversations/message-preview.controller';
import { OutreachController } from './conversations/outreach.controller';
import { ChannelMediaController } from './conversations/channel-media.controller';
import { ReplyTemplatesController } from './conversations/reply-templates.controller';
import { InboxTemplatesController } from './inboxes/inbox-templates.controller';
import { ChannelSessionsController } from './inboxes/channel-sessions.controller';
import { InboxSessionController } from './inboxes/inbox-session.controller';
import { ChannelWebhookController } from './webhooks/channel-webhook.controller';
import { ChannelWiringCheck } from './webhooks/channel-wiring.check';
import { ChannelWebhookPipeline } from './webhooks/channel-webhook.pipeline';
import { WebChatModule } from './webchat/webchat.module';
import { PrivacyApiModule } from './privacy/privacy-api.module';
import { SupervisorModule } from './supervisor/supervisor.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { StaffDirectoryModule } from './directory/staff-directory.module';
import { KnowledgeApiModule } from './knowledge/knowledge-api.module';
import { RequestKindsApiModule } from './request-kinds/request-kinds-api.module';
import { RequestsApiModule } from './requests/requests-api.module';

@Module({})
export class GatewayModule {
  static forRoot(config: WaslConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(),
        QueueModule.forRoot(),
        ObservabilityModule,
        StorageModule,
        IdentityModule,
        AuditModule,
        InboxesModule,
        ContactsModule,
        ConversationsModule,
        RealtimeModule,
        WebChatModule,
        PrivacyApiModule,
        SupervisorModule,
        AttachmentsModule,
        StaffDirectoryModule,
        KnowledgeApiModule,
        RequestKindsApiModule,
        RequestsApiModule,
        ...(config.runsWorker ? [WorkerModule] : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        ConversationsController,
        ContactsController,
        InboxesController,
        ChannelDefinitionsController,
        OrganisationController,
        UsersController,
        TeamsController,
        AdminController,
        ChannelWebhookController,
        CallsController,
        MessagePreviewController,
        OutreachController,
        ReplyTemplatesController,
        InboxTemplatesController,
        InboxSessionController,
        ChannelSessionsController,
        ChannelMediaController,
      ],
      providers: [
        FailedJobsService,
        ChannelWebhookPipeline,
        ChannelWiringCheck,
        AgentsGateway,
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            // A misspelt or misplaced field is refused by name, never dropped: a top-level `apiBaseUrl` once created
            // an inbox pointed at the real provider that could not be fixed.
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => ApiException.validation(toFieldProblems(errors)),
          }),
        },
      ],
    };
  }
}
