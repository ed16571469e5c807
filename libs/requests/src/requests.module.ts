import { AuditModule } from '@app/audit';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { IdentityModule } from '@app/identity';
import { InboxesModule } from '@app/inboxes';
import { RealtimeModule } from '@app/realtime';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitteeVote } from './entities/committee-vote.entity';
import { RegisteredBeneficiary } from './entities/registered-beneficiary.entity';
import { RequestAttestation } from './entities/request-attestation.entity';
import { RequestDocument } from './entities/request-document.entity';
import { RequestEvent } from './entities/request-event.entity';
import { RequestSettings } from './entities/request-settings.entity';
import { RequestType, RequestTypeVersion } from './entities/request-type.entity';
import { ServiceDelivery } from './entities/service-delivery.entity';
import { SupportRequest } from './entities/support-request.entity';
import { RequestFileStore } from './files/request-file-store';
import { KindRequestEvent } from './kinds/kind-request-event.entity';
import { KindRequestSettings } from './kinds/kind-request-settings.entity';
import { KindRequest } from './kinds/kind-request.entity';
import { KindRequestsService } from './kinds/kind-requests.service';
import { KindFormIntakeService } from './kinds/kind-form-intake.service';
import { BeneficiaryNotifier } from './notices/beneficiary-notifier.service';
import { CodeSmsSender } from './notices/code-sms-sender.service';
import { OneTimeCodesService } from './services/one-time-codes.service';
import { PublicRequestIntakeService } from './services/public-request-intake.service';
import { RequestDeadlinesService } from './services/request-deadlines.service';
import { RequestLinksService } from './services/request-links.service';
import { RequestPersonalDataService } from './services/request-personal-data.service';
import { RequestRateLimiter } from './services/request-rate-limiter.service';
import { RequestRecorder } from './services/request-recorder.service';
import { RequestSettingsService } from './services/request-settings.service';
import { RequestStatusAnswerService } from './services/request-status-answer.service';
import { RequestTypesService } from './services/request-types.service';
import { RequestWorkflowService } from './services/request-workflow.service';
import { SupportRequestsService } from './services/support-requests.service';

const SERVICES = [
  SupportRequestsService,
  RequestWorkflowService,
  RequestTypesService,
  RequestSettingsService,
  RequestRecorder,
  BeneficiaryNotifier,
  CodeSmsSender,
  OneTimeCodesService,
  RequestRateLimiter,
  RequestLinksService,
  RequestFileStore,
  RequestStatusAnswerService,
  RequestDeadlinesService,
  PublicRequestIntakeService,
  RequestPersonalDataService,
  KindRequestsService,
  KindFormIntakeService,
];

// Support requests (طلب دعم مستفيد): the policy's procedure from intake to the service delivered.
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RequestType,
      RequestTypeVersion,
      SupportRequest,
      RequestDocument,
      RequestEvent,
      RequestAttestation,
      CommitteeVote,
      RegisteredBeneficiary,
      ServiceDelivery,
      RequestSettings,
      KindRequest,
      KindRequestEvent,
      KindRequestSettings,
    ]),
    IdentityModule,
    AuditModule,
    InboxesModule,
    ContactsModule,
    ConversationsModule,
    RealtimeModule,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class RequestsModule {}
