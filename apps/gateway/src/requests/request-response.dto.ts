import {
  AttestationMethod,
  AttestationView,
  ChecklistItem,
  CommitteeOutcome,
  DocumentDefinitionDto,
  FieldDefinitionDto,
  RequestAction,
  RequestDocumentView,
  RequestEventView,
  RequestSettingsView,
  RequestSource,
  RequestState,
  RequestTypeView,
  ServiceDeliveryView,
  SupportRequestSummary,
  SupportRequestView,
} from '@app/requests';
import { UserRole } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's client is generated from it); they describe the views the
// services return (`implements` keeps them in step) and are never instantiated.

export class RequestFormResponse {
  @ApiProperty({ type: [FieldDefinitionDto] }) fields: FieldDefinitionDto[];
  @ApiProperty({ type: [DocumentDefinitionDto] }) documents: DocumentDefinitionDto[];
}

export class RequestTypeResponse implements RequestTypeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() nameAr: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() publicForm: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) versionId: string;
  @ApiProperty({ type: RequestFormResponse }) form: RequestFormResponse;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class RequestSettingsResponse implements RequestSettingsView {
  @ApiProperty() answerDays: number;
  @ApiProperty({ description: 'The policy’s floor: 14 days' }) minimumAnswerDays: number;
  @ApiProperty() quorum: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) chairUserId: string | null;
  @ApiProperty() alertDaysBefore: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) smsInboxId: string | null;
}

export class RequestContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ description: 'False while the number is only what someone typed (a claim)' }) phoneVerified: boolean;
}

export class SupportRequestSummaryResponse implements SupportRequestSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Per-organisation request number' }) number: number;
  @ApiProperty({ enum: RequestState, enumName: 'RequestState' }) state: RequestState;
  @ApiProperty({ enum: RequestSource, enumName: 'RequestSource' }) source: RequestSource;
  @ApiProperty({ format: 'uuid' }) typeId: string;
  @ApiProperty() typeNameAr: string;
  @ApiProperty() typeNameEn: string;
  @ApiProperty({ type: RequestContactResponse }) contact: RequestContactResponse;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) officerId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) researcherId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-03-01',
    description: 'The day the beneficiary was told they will be answered by',
  })
  answerDueOn: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAlertedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class SupportRequestListResponse {
  @ApiProperty({ type: [SupportRequestSummaryResponse] }) items: SupportRequestSummaryResponse[];
}

export class ChecklistItemResponse implements ChecklistItem {
  @ApiProperty({ enum: ['field', 'document'] }) target: 'field' | 'document';
  @ApiProperty() key: string;
  @ApiProperty({ example: 'values.household.1.nationalId' }) path: string;
  @ApiProperty() labelAr: string;
  @ApiProperty() labelEn: string;
  @ApiPropertyOptional() row?: number;
  @ApiProperty({ enum: ['ok', 'missing', 'invalid', 'expired'] }) status: 'ok' | 'missing' | 'invalid' | 'expired';
  @ApiPropertyOptional({
    enum: [
      'required',
      'not_a_number',
      'not_a_date',
      'date_must_be_past',
      'date_must_be_future',
      'not_an_option',
      'identity_format',
      'identity_prefix',
      'identity_checksum',
      'mobile',
      'iban_format',
      'iban_checksum',
      'expiry_date_missing',
      'expired',
    ],
  })
  reason?: ChecklistItem['reason'];
}

export class ChecklistResponse {
  @ApiProperty() complete: boolean;
  @ApiProperty({ example: '2026-02-01', description: 'The Riyadh day dates and expiries were judged on' }) judgedOn: string;
  @ApiProperty({ type: [ChecklistItemResponse] }) items: ChecklistItemResponse[];
  @ApiProperty({ type: [ChecklistItemResponse] }) problems: ChecklistItemResponse[];
}

export class RequestDocumentResponse implements RequestDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() documentKey: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: String, nullable: true }) expiresOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) uploadedById: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
}

export class ResearchFindingsResponse {
  @ApiProperty() homeVisitDate: string;
  @ApiProperty() findings: string;
  @ApiProperty() recommendation: string;
  @ApiProperty({ format: 'uuid' }) recordedById: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class AttestationResponse implements AttestationView {
  @ApiProperty({ enum: ['none', 'valid', 'invalidated'] }) status: 'none' | 'valid' | 'invalidated';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) attestedAt: Date | null;
  @ApiProperty({ enum: AttestationMethod, enumName: 'AttestationMethod', nullable: true }) method: AttestationMethod | null;
  @ApiProperty({ type: String, nullable: true }) channel: string | null;
  @ApiProperty({ type: String, nullable: true }) sentTo: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the canonical JSON attested' }) dataHash: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invalidatedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) invalidatedReason: string | null;
}

export class CommitteeVoteResponse {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() memberName: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: CommitteeOutcome, enumName: 'CommitteeOutcome' }) outcome: CommitteeOutcome;
  @ApiProperty({ type: String, nullable: true }) service: string | null;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CommitteeDecisionResponse {
  @ApiProperty({ enum: CommitteeOutcome, enumName: 'CommitteeOutcome' }) outcome: CommitteeOutcome;
  @ApiProperty({ type: String, nullable: true }) service: string | null;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() round: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedById: string | null;
  @ApiProperty() byQuorum: boolean;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class CommitteeResponse {
  @ApiProperty() round: number;
  @ApiProperty() quorum: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) chairUserId: string | null;
  @ApiProperty({ type: [CommitteeVoteResponse] }) votes: CommitteeVoteResponse[];
  @ApiProperty({ type: CommitteeDecisionResponse, nullable: true }) decision: CommitteeDecisionResponse | null;
}

export class ServiceDeliveryResponse implements ServiceDeliveryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() description: string;
  @ApiProperty() deliveredOn: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ type: Number, nullable: true }) quantity: number | null;
  @ApiProperty({ format: 'uuid' }) deliveredById: string;
  @ApiProperty() deliveredByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class RequestPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class RegisteredBeneficiaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'رقم الملف' }) fileNumber: number;
}

export class SupportRequestResponse extends SupportRequestSummaryResponse implements SupportRequestView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) branchTeamId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdById: string | null;
  @ApiProperty({ format: 'uuid' }) typeVersionId: string;
  @ApiProperty() typeVersion: number;
  @ApiProperty() typeCurrentVersion: number;
  @ApiProperty({ type: RequestFormResponse }) form: RequestFormResponse;
  @ApiProperty({ type: 'object', additionalProperties: true }) values: SupportRequestView['values'];
  @ApiProperty({ type: ChecklistResponse }) checklist: ChecklistResponse;
  @ApiProperty({ type: [RequestDocumentResponse] }) documents: RequestDocumentResponse[];
  @ApiProperty({ type: ResearchFindingsResponse, nullable: true }) findings: ResearchFindingsResponse | null;
  @ApiProperty({ type: AttestationResponse }) attestation: AttestationResponse;
  @ApiProperty({ type: CommitteeResponse }) committee: CommitteeResponse;
  @ApiProperty({ type: RegisteredBeneficiaryResponse, nullable: true }) beneficiary: RegisteredBeneficiaryResponse | null;
  @ApiProperty({ type: [ServiceDeliveryResponse] }) services: ServiceDeliveryResponse[];
  @ApiProperty({ type: [RequestPersonResponse] }) people: RequestPersonResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) committeeSubmittedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ enum: RequestAction, enumName: 'RequestAction', isArray: true }) actions: RequestAction[];
}

export class RequestEventResponse implements RequestEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) action: string | null;
  @ApiProperty({ type: String, nullable: true }) fromState: string | null;
  @ApiProperty({ type: String, nullable: true }) toState: string | null;
  @ApiProperty({ enum: ['staff', 'beneficiary', 'system'] }) actorKind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) details: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class RequestEventListResponse {
  @ApiProperty({ type: [RequestEventResponse] }) items: RequestEventResponse[];
}

export class RequestStaffResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UserRole, enumName: 'UserRole' }) role: UserRole;
}

export class MessageOutcomeResponse {
  @ApiProperty() sent: boolean;
  @ApiPropertyOptional({ enum: ['no_phone', 'phone_not_verified', 'no_sms_inbox', 'refused'] }) reason?: string;
}
