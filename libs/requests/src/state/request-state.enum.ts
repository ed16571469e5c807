// Values are stored on every support request and in its events. The policy's seven steps (../shared/policy/README.md):
// 1-2 intake and complete, valid data (draft); 3 the social-research officer (referred, in_research, researched);
// 4 the applicant's attestation (a guard on going to the committee); 5 the research committee (at_committee,
// information_requested, approved, rejected); 6 registration (registered); 7 the service (closed).
export enum RequestState {
  Draft = 'draft',
  Referred = 'referred',
  InResearch = 'in_research',
  Researched = 'researched',
  AtCommittee = 'at_committee',
  InformationRequested = 'information_requested',
  Approved = 'approved',
  Rejected = 'rejected',
  Registered = 'registered',
  Closed = 'closed',
}

export const FINAL_STATES: readonly RequestState[] = [RequestState.Rejected, RequestState.Closed];

export enum RequestAction {
  // Work on the data (step 2), allowed until the committee has it.
  UpdateData = 'update_data',
  // The beneficiary uploads a document on their signed page, while the data is being gathered.
  SubmitDocument = 'submit_document',
  RequestMissing = 'request_missing',
  Claim = 'claim',
  // Step 3.
  Refer = 'refer',
  AcceptReferral = 'accept_referral',
  ReturnReferral = 'return_referral',
  RecordFindings = 'record_findings',
  // Step 4.
  RequestAttestation = 'request_attestation',
  Attest = 'attest',
  // Step 5.
  SendToCommittee = 'send_to_committee',
  Vote = 'vote',
  Approve = 'approve',
  Reject = 'reject',
  RequestInformation = 'request_information',
  // Step 6 and 7.
  Register = 'register',
  DeliverService = 'deliver_service',
  Close = 'close',
}

export enum RequestSource {
  Conversation = 'conversation',
  WalkIn = 'walk_in',
  Branch = 'branch',
  PublicForm = 'public_form',
}
