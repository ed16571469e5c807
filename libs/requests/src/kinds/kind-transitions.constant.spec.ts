import { UserRole } from '@app/identity';
import { FINAL_KIND_STATES, INITIAL_KIND_STATE, KIND_TRANSITIONS, kindTransition } from './kind-transitions.constant';
import { FeedbackState, InternalRequestState, RequestKind, VolunteeringState } from './request-kind.enum';

describe('KIND_TRANSITIONS', () => {
  it('should move a volunteering application only new → interview → accepted | declined', () => {
    expect(INITIAL_KIND_STATE[RequestKind.Volunteering]).toBe(VolunteeringState.New);
    expect(kindTransition(RequestKind.Volunteering, 'accept')?.from).toEqual([VolunteeringState.Interview]);
    expect(kindTransition(RequestKind.Volunteering, 'decline')?.from).toEqual([VolunteeringState.Interview]);
    expect(kindTransition(RequestKind.Volunteering, 'invite_to_interview')?.to).toBe(VolunteeringState.Interview);
  });

  it('should leave suggestions and complaints to the supervisor, with a reply required to act on one', () => {
    const feedback = KIND_TRANSITIONS.filter((transition) => transition.kind === RequestKind.Feedback);
    expect(feedback.every((transition) => transition.roles.length === 1 && transition.roles[0] === UserRole.Supervisor)).toBe(true);
    expect(kindTransition(RequestKind.Feedback, 'act_on')).toMatchObject({
      from: [FeedbackState.InReview],
      needsReply: true,
      tellsPerson: true,
    });
  });

  it('should never let an administrator work a record, nor leave a final state', () => {
    expect(KIND_TRANSITIONS.some((transition) => transition.roles.includes(UserRole.Admin))).toBe(false);
    expect(KIND_TRANSITIONS.some((transition) => transition.from.some((state) => FINAL_KIND_STATES.includes(state)))).toBe(false);
    expect(kindTransition(RequestKind.Internal, 'decline')?.from).toEqual([InternalRequestState.Open, InternalRequestState.InProgress]);
    expect(kindTransition(RequestKind.Internal, 'accept')).toBeUndefined();
  });
});
