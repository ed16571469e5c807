import { RequestForm, RequestValues } from '../definitions/request-form.types';
import { AttestationMethod } from '../entities/request-attestation.entity';
import { CommitteeDecision, CommitteeOutcome, ResearchFindings } from '../entities/support-request.entity';
import { RequestAction, RequestSource, RequestState } from '../state/request-state.enum';
import { Checklist } from '../validation/request-checklist.util';

export interface RequestDocumentView {
  id: string;
  documentKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  expiresOn: string | null;
  uploadedById: string | null;
  uploadedAt: Date;
}

export interface AttestationView {
  status: 'none' | 'valid' | 'invalidated';
  attestedAt: Date | null;
  method: AttestationMethod | null;
  channel: string | null;
  sentTo: string | null;
  dataHash: string | null;
  invalidatedAt: Date | null;
  invalidatedReason: string | null;
}

export interface CommitteeVoteView {
  memberId: string;
  memberName: string;
  round: number;
  outcome: CommitteeOutcome;
  service: string | null;
  amount: number | null;
  reason: string | null;
  createdAt: Date;
}

export interface ServiceDeliveryView {
  id: string;
  description: string;
  deliveredOn: string;
  amount: number | null;
  quantity: number | null;
  deliveredById: string;
  deliveredByName: string;
  createdAt: Date;
}

export interface RequestPersonView {
  id: string;
  name: string;
}

export interface SupportRequestSummary {
  id: string;
  number: number;
  state: RequestState;
  source: RequestSource;
  typeId: string;
  typeNameAr: string;
  typeNameEn: string;
  contact: { id: string; name: string | null; phone: string | null; phoneVerified: boolean };
  officerId: string | null;
  researcherId: string | null;
  answerDueOn: string | null;
  deadlineAlertedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SupportRequestView extends SupportRequestSummary {
  conversationId: string | null;
  branchTeamId: string | null;
  createdById: string | null;
  typeVersionId: string;
  typeVersion: number;
  // The type has been edited since: this request keeps the version it was filed under.
  typeCurrentVersion: number;
  form: RequestForm;
  values: RequestValues;
  checklist: Checklist;
  documents: RequestDocumentView[];
  findings: ResearchFindings | null;
  attestation: AttestationView;
  committee: { round: number; quorum: number; chairUserId: string | null; votes: CommitteeVoteView[]; decision: CommitteeDecision | null };
  beneficiary: { id: string; fileNumber: number } | null;
  services: ServiceDeliveryView[];
  people: RequestPersonView[];
  submittedAt: Date | null;
  committeeSubmittedAt: Date | null;
  closedAt: Date | null;
  // What the caller may do now (state and role; the server checks every guard again).
  actions: RequestAction[];
}

export interface RequestEventView {
  id: string;
  type: string;
  action: string | null;
  fromState: string | null;
  toState: string | null;
  actorKind: string;
  actorUserId: string | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
  createdAt: Date;
}

export function halalasToRiyals(halalas: number | null): number | null {
  return halalas === null ? null : halalas / 100;
}

export function riyalsToHalalas(riyals: number | undefined | null): number | null {
  return riyals === undefined || riyals === null ? null : Math.round(riyals * 100);
}
