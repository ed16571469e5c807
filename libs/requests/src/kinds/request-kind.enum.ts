// The other request kinds the policy names, beside the support request: خدمة التطوع, المقترحات والشكاوى and the
// internal beneficiary's request between departments.
export enum RequestKind {
  Volunteering = 'volunteering',
  Feedback = 'feedback',
  Internal = 'internal',
}

export enum VolunteeringState {
  New = 'new',
  Interview = 'interview',
  Accepted = 'accepted',
  Declined = 'declined',
}

export enum FeedbackState {
  Received = 'received',
  InReview = 'in_review',
  ActedOn = 'acted_on',
  Closed = 'closed',
}

export enum InternalRequestState {
  Open = 'open',
  InProgress = 'in_progress',
  Done = 'done',
  Declined = 'declined',
}

export type KindState = VolunteeringState | FeedbackState | InternalRequestState;

export enum FeedbackType {
  Suggestion = 'suggestion',
  Complaint = 'complaint',
}

export enum InternalPriority {
  Low = 'low',
  Normal = 'normal',
  High = 'high',
  Urgent = 'urgent',
}

// Where a record came from: the gateway's public form, an officer's click in a conversation, or a staff member.
export enum KindSource {
  PublicForm = 'public_form',
  Conversation = 'conversation',
  Staff = 'staff',
}
