import { UserRole } from '@app/identity';
import { RequestAction, RequestState } from './request-state.enum';

// Who acts: a staff role, the beneficiary on a signed page, or Wasl itself (a quorum of votes).
export type RequestActor = UserRole | 'beneficiary' | 'system';

// Checks beyond state and role, evaluated by RequestWorkflowService (each is named so the table reads as the rule).
export enum TransitionGuard {
  // An officer works only the requests they handle or that nobody handles yet; overseers any.
  Handler = 'handler',
  // The checklist (step 2) has no missing, invalid or expired item.
  ChecklistComplete = 'checklist_complete',
  // Only the social-research officer the request was referred to.
  AssignedResearcher = 'assigned_researcher',
  // A valid attestation of exactly the current data, and a complete checklist.
  Attested = 'attested',
  // A committee member who has not voted yet in this round.
  CommitteeMember = 'committee_member',
  // The committee's chair records the decision alone; Wasl records it when a quorum of votes agrees.
  ChairOrQuorum = 'chair_or_quorum',
  // At least one service delivered.
  ServiceDelivered = 'service_delivered',
}

export interface RequestTransition {
  from: readonly RequestState[];
  action: RequestAction;
  actors: readonly RequestActor[];
  // Undefined: the state stays (work within a step).
  to?: RequestState;
  guards: readonly TransitionGuard[];
}

// Officers work requests; supervisors may stand in for them. Administrators configure types and settings and read.
const CASEWORK: readonly RequestActor[] = [UserRole.Officer, UserRole.Supervisor];
const BEFORE_COMMITTEE = [RequestState.Draft, RequestState.InResearch, RequestState.Researched, RequestState.InformationRequested];
const OPEN = Object.values(RequestState).filter((state) => state !== RequestState.Rejected && state !== RequestState.Closed);

// THE state machine of a support request: every change of a request goes through one row of this table, so no step
// is skipped and each is done by the role the policy gives it (enforced in RequestWorkflowService; each use is an
// event on the request's timeline and a row in the audit log).
export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  { from: BEFORE_COMMITTEE, action: RequestAction.UpdateData, actors: CASEWORK, guards: [TransitionGuard.Handler] },
  // The beneficiary uploads documents on their signed page while the data is being gathered.
  {
    from: [RequestState.Draft, RequestState.InformationRequested],
    action: RequestAction.SubmitDocument,
    actors: ['beneficiary'],
    guards: [],
  },
  {
    from: [RequestState.Draft, RequestState.InformationRequested],
    action: RequestAction.RequestMissing,
    actors: CASEWORK,
    guards: [TransitionGuard.Handler],
  },
  { from: OPEN, action: RequestAction.Claim, actors: [UserRole.Officer], guards: [] },

  {
    from: [RequestState.Draft],
    action: RequestAction.Refer,
    actors: CASEWORK,
    to: RequestState.Referred,
    guards: [TransitionGuard.Handler, TransitionGuard.ChecklistComplete],
  },
  {
    from: [RequestState.Referred],
    action: RequestAction.AcceptReferral,
    actors: [UserRole.Researcher],
    to: RequestState.InResearch,
    guards: [TransitionGuard.AssignedResearcher],
  },
  {
    from: [RequestState.Referred, RequestState.InResearch],
    action: RequestAction.ReturnReferral,
    actors: [UserRole.Researcher],
    to: RequestState.Draft,
    guards: [TransitionGuard.AssignedResearcher],
  },
  {
    from: [RequestState.InResearch],
    action: RequestAction.RecordFindings,
    actors: [UserRole.Researcher],
    to: RequestState.Researched,
    guards: [TransitionGuard.AssignedResearcher],
  },

  {
    from: [RequestState.Researched, RequestState.InformationRequested],
    action: RequestAction.RequestAttestation,
    actors: CASEWORK,
    guards: [TransitionGuard.Handler, TransitionGuard.ChecklistComplete],
  },
  // The beneficiary enters the code on the signed page, or reads it to the officer at a walk-in visit.
  {
    from: [RequestState.Researched, RequestState.InformationRequested],
    action: RequestAction.Attest,
    actors: ['beneficiary', ...CASEWORK],
    guards: [],
  },
  {
    from: [RequestState.Researched, RequestState.InformationRequested],
    action: RequestAction.SendToCommittee,
    actors: CASEWORK,
    to: RequestState.AtCommittee,
    guards: [TransitionGuard.Handler, TransitionGuard.Attested],
  },

  { from: [RequestState.AtCommittee], action: RequestAction.Vote, actors: [UserRole.Committee], guards: [TransitionGuard.CommitteeMember] },
  {
    from: [RequestState.AtCommittee],
    action: RequestAction.Approve,
    actors: [UserRole.Committee, 'system'],
    to: RequestState.Approved,
    guards: [TransitionGuard.ChairOrQuorum],
  },
  {
    from: [RequestState.AtCommittee],
    action: RequestAction.Reject,
    actors: [UserRole.Committee, 'system'],
    to: RequestState.Rejected,
    guards: [TransitionGuard.ChairOrQuorum],
  },
  {
    from: [RequestState.AtCommittee],
    action: RequestAction.RequestInformation,
    actors: [UserRole.Committee, 'system'],
    to: RequestState.InformationRequested,
    guards: [TransitionGuard.ChairOrQuorum],
  },

  {
    from: [RequestState.Approved],
    action: RequestAction.Register,
    actors: CASEWORK,
    to: RequestState.Registered,
    guards: [TransitionGuard.Handler],
  },
  { from: [RequestState.Registered], action: RequestAction.DeliverService, actors: CASEWORK, guards: [TransitionGuard.Handler] },
  {
    from: [RequestState.Registered],
    action: RequestAction.Close,
    actors: CASEWORK,
    to: RequestState.Closed,
    guards: [TransitionGuard.Handler, TransitionGuard.ServiceDelivered],
  },
];

export type TransitionLookup =
  { allowed: true; transition: RequestTransition } | { allowed: false; reason: 'state' | 'actor'; allowedFrom: readonly RequestState[] };

// The row for this action from this state, if the actor may use it. A wrong state says which states allow the
// action; a wrong role is refused as such.
export function findTransition(state: RequestState, action: RequestAction, actor: RequestActor): TransitionLookup {
  const rows = REQUEST_TRANSITIONS.filter((row) => row.action === action);
  const allowedFrom = rows.flatMap((row) => row.from);
  const row = rows.find((candidate) => candidate.from.includes(state));
  if (!row) return { allowed: false, reason: 'state', allowedFrom };
  if (!row.actors.includes(actor)) return { allowed: false, reason: 'actor', allowedFrom };
  return { allowed: true, transition: row };
}

// The actions an actor may take on a request in this state (the web app shows only these), before guards.
export function actionsFor(state: RequestState, actor: RequestActor): RequestAction[] {
  return REQUEST_TRANSITIONS.filter((row) => row.from.includes(state) && row.actors.includes(actor)).map((row) => row.action);
}
