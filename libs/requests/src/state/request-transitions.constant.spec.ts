import { UserRole } from '@app/identity';
import { actionsFor, findTransition, REQUEST_TRANSITIONS } from './request-transitions.constant';
import { RequestAction, RequestState } from './request-state.enum';

describe('REQUEST_TRANSITIONS', () => {
  it('should have one row per action and state, so a lookup is never ambiguous', () => {
    const pairs = REQUEST_TRANSITIONS.flatMap((row) => row.from.map((state) => `${row.action}@${state}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('should reach every state from a draft, and leave nothing after rejection and closing', () => {
    const reached = new Set([RequestState.Draft]);
    for (let round = 0; round < 10; round += 1) {
      for (const row of REQUEST_TRANSITIONS) if (row.to && row.from.some((state) => reached.has(state))) reached.add(row.to);
    }
    expect([...reached].sort()).toEqual(Object.values(RequestState).sort());
    expect(actionsFor(RequestState.Rejected, UserRole.Officer)).toEqual([]);
    expect(actionsFor(RequestState.Closed, UserRole.Supervisor)).toEqual([]);
  });

  it('should never skip a step: a draft cannot go to the committee, an unresearched request cannot be attested', () => {
    expect(findTransition(RequestState.Draft, RequestAction.SendToCommittee, UserRole.Officer)).toMatchObject({
      allowed: false,
      reason: 'state',
      allowedFrom: [RequestState.Researched, RequestState.InformationRequested],
    });
    expect(findTransition(RequestState.InResearch, RequestAction.Attest, 'beneficiary')).toMatchObject({ allowed: false, reason: 'state' });
    expect(findTransition(RequestState.AtCommittee, RequestAction.Register, UserRole.Officer)).toMatchObject({
      allowed: false,
      reason: 'state',
    });
  });

  it.each([
    [RequestState.Draft, RequestAction.Refer, UserRole.Researcher],
    [RequestState.Draft, RequestAction.Refer, UserRole.Admin],
    [RequestState.Referred, RequestAction.AcceptReferral, UserRole.Officer],
    [RequestState.InResearch, RequestAction.RecordFindings, UserRole.Supervisor],
    [RequestState.Researched, RequestAction.SendToCommittee, UserRole.Committee],
    [RequestState.AtCommittee, RequestAction.Vote, UserRole.Officer],
    [RequestState.AtCommittee, RequestAction.Approve, UserRole.Supervisor],
    [RequestState.Approved, RequestAction.Register, UserRole.Committee],
    [RequestState.Registered, RequestAction.DeliverService, UserRole.Researcher],
  ])('should refuse %s → %s to the role %s', (state, action, role) => {
    expect(findTransition(state, action, role)).toMatchObject({ allowed: false, reason: 'actor' });
  });
});
