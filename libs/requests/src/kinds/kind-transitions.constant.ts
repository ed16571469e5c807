import { UserRole } from '@app/identity';
import { FeedbackState, InternalRequestState, KindState, RequestKind, VolunteeringState } from './request-kind.enum';

export interface KindTransition {
  kind: RequestKind;
  action: string;
  from: readonly KindState[];
  to: KindState;
  roles: readonly UserRole[];
  // An officer (or researcher, committee member) must belong to the record's team; supervisors stand in for anyone.
  teamOnly: boolean;
  // The text the person is sent is required (400 on `reply`).
  needsReply: boolean;
  // Whether the person it concerns is told, in Arabic, on their channel.
  tellsPerson: boolean;
}

const TEAM_WORKERS = [UserRole.Officer, UserRole.Researcher, UserRole.Committee, UserRole.Supervisor] as const;

// Every state change of the three kinds: the only transitions the server accepts. Administrators configure and read;
// they do not work records (as for support requests).
export const KIND_TRANSITIONS: readonly KindTransition[] = [
  {
    kind: RequestKind.Volunteering,
    action: 'invite_to_interview',
    from: [VolunteeringState.New],
    to: VolunteeringState.Interview,
    roles: [UserRole.Officer, UserRole.Supervisor],
    teamOnly: true,
    needsReply: false,
    tellsPerson: false,
  },
  {
    kind: RequestKind.Volunteering,
    action: 'accept',
    from: [VolunteeringState.Interview],
    to: VolunteeringState.Accepted,
    roles: [UserRole.Officer, UserRole.Supervisor],
    teamOnly: true,
    needsReply: false,
    tellsPerson: true,
  },
  {
    kind: RequestKind.Volunteering,
    action: 'decline',
    from: [VolunteeringState.Interview],
    to: VolunteeringState.Declined,
    roles: [UserRole.Officer, UserRole.Supervisor],
    teamOnly: true,
    needsReply: false,
    tellsPerson: true,
  },
  // The supervisor's queue of suggestions and complaints.
  {
    kind: RequestKind.Feedback,
    action: 'start_review',
    from: [FeedbackState.Received],
    to: FeedbackState.InReview,
    roles: [UserRole.Supervisor],
    teamOnly: false,
    needsReply: false,
    tellsPerson: false,
  },
  {
    kind: RequestKind.Feedback,
    action: 'act_on',
    from: [FeedbackState.InReview],
    to: FeedbackState.ActedOn,
    roles: [UserRole.Supervisor],
    teamOnly: false,
    needsReply: true,
    tellsPerson: true,
  },
  {
    kind: RequestKind.Feedback,
    action: 'close',
    from: [FeedbackState.InReview],
    to: FeedbackState.Closed,
    roles: [UserRole.Supervisor],
    teamOnly: false,
    needsReply: false,
    tellsPerson: false,
  },
  // The department asked works the internal request.
  {
    kind: RequestKind.Internal,
    action: 'start',
    from: [InternalRequestState.Open],
    to: InternalRequestState.InProgress,
    roles: TEAM_WORKERS,
    teamOnly: true,
    needsReply: false,
    tellsPerson: false,
  },
  {
    kind: RequestKind.Internal,
    action: 'complete',
    from: [InternalRequestState.InProgress],
    to: InternalRequestState.Done,
    roles: TEAM_WORKERS,
    teamOnly: true,
    needsReply: false,
    tellsPerson: false,
  },
  {
    kind: RequestKind.Internal,
    action: 'decline',
    from: [InternalRequestState.Open, InternalRequestState.InProgress],
    to: InternalRequestState.Declined,
    roles: TEAM_WORKERS,
    teamOnly: true,
    needsReply: false,
    tellsPerson: false,
  },
];

export const INITIAL_KIND_STATE: Record<RequestKind, KindState> = {
  [RequestKind.Volunteering]: VolunteeringState.New,
  [RequestKind.Feedback]: FeedbackState.Received,
  [RequestKind.Internal]: InternalRequestState.Open,
};

export const FINAL_KIND_STATES: readonly KindState[] = [
  VolunteeringState.Accepted,
  VolunteeringState.Declined,
  FeedbackState.ActedOn,
  FeedbackState.Closed,
  InternalRequestState.Done,
  InternalRequestState.Declined,
];

export function kindTransition(kind: RequestKind, action: string): KindTransition | undefined {
  return KIND_TRANSITIONS.find((transition) => transition.kind === kind && transition.action === action);
}
