import {
  AgentsAudience,
  audienceMatcher,
  organisationChannel,
  parseAgentsEnvelope,
  parseAgentsMessage,
  roomsOfAudience,
} from './agents-audience.util';
import { assignedTeamRoom, inboxRoom, organisationRoom, overseersRoom, userRoom } from './agents-rooms.util';

const organisationId = 'organisation-alpha';
const otherOrganisationId = 'organisation-beta';

// The rooms each kind of socket joins when it connects (AgentsGateway.accessRooms plus its user and organisation).
const administrator = new Set([organisationRoom(organisationId), userRoom('admin-1'), overseersRoom(organisationId)]);
const officerOnInbox = new Set([organisationRoom(organisationId), userRoom('officer-1'), inboxRoom('inbox-a')]);
const officerOffInbox = new Set([organisationRoom(organisationId), userRoom('officer-2'), inboxRoom('inbox-b')]);
const researcherOnTeam = new Set([organisationRoom(organisationId), userRoom('researcher-1'), assignedTeamRoom('team-1')]);
const researcherOffTeam = new Set([organisationRoom(organisationId), userRoom('researcher-2'), assignedTeamRoom('team-2')]);
const otherAdministrator = new Set([organisationRoom(otherOrganisationId), userRoom('admin-9'), overseersRoom(otherOrganisationId)]);

describe('agents audience', () => {
  describe(audienceMatcher.name, () => {
    const conversation: AgentsAudience = { overseers: true, inboxId: 'inbox-a', userIds: ['researcher-2'], teamId: 'team-1' };

    it('should include the overseers, the inbox officers, the assignee and the assigned team of a conversation', () => {
      const matches = audienceMatcher(organisationId, conversation);
      expect([administrator, officerOnInbox, researcherOnTeam, researcherOffTeam].map(matches)).toEqual([true, true, true, true]);
    });

    it('should leave out an officer of another inbox and another organisation’s administrator', () => {
      const matches = audienceMatcher(organisationId, conversation);
      expect(matches(officerOffInbox)).toBe(false);
      expect(matches(otherAdministrator)).toBe(false);
    });

    it('should leave out a researcher of another team when the conversation is not theirs', () => {
      const matches = audienceMatcher(organisationId, { overseers: true, inboxId: 'inbox-a', teamId: 'team-1' });
      expect(matches(researcherOffTeam)).toBe(false);
    });

    it('should give administrators only what is for the overseers', () => {
      const matches = audienceMatcher(organisationId, { overseers: true });
      expect([administrator, officerOnInbox, researcherOnTeam, otherAdministrator].map(matches)).toEqual([true, false, false, false]);
    });

    it('should reach every socket of the organisation, and only those, for an organisation-wide event', () => {
      const matches = audienceMatcher(organisationId, { everyone: true });
      expect([administrator, officerOffInbox, researcherOffTeam].every(matches)).toBe(true);
      expect(matches(otherAdministrator)).toBe(false);
    });

    it('should match nobody for an empty audience', () => {
      expect(audienceMatcher(organisationId, {})(administrator)).toBe(false);
    });
  });

  describe(roomsOfAudience.name, () => {
    it('should name each room once, so socket.io sends the event once to a socket in several of them', () => {
      expect(roomsOfAudience(organisationId, { overseers: true, userIds: ['user-1', 'user-1', 'user-2'] })).toEqual([
        overseersRoom(organisationId),
        userRoom('user-1'),
        userRoom('user-2'),
      ]);
    });
  });

  describe(parseAgentsEnvelope.name, () => {
    it('should read back what the publisher writes', () => {
      const envelope = { event: 'message.created', payload: { id: 'message-1' }, audience: { overseers: true, inboxId: 'inbox-a' } };
      expect(parseAgentsEnvelope(JSON.stringify(envelope))).toEqual(envelope);
    });

    it.each([
      ['not JSON', '{'],
      ['not an object', '"message.created"'],
      ['no event', JSON.stringify({ payload: {}, audience: {} })],
      ['no audience', JSON.stringify({ event: 'message.created', payload: {} })],
      ['a widened flag', JSON.stringify({ event: 'message.created', payload: {}, audience: { everyone: 'yes' } })],
      ['an inbox id that is not a string', JSON.stringify({ event: 'message.created', payload: {}, audience: { inboxId: 7 } })],
      ['user ids that are not strings', JSON.stringify({ event: 'message.created', payload: {}, audience: { userIds: [null] } })],
    ])('should drop a message with %s', (_case, message) => {
      expect(parseAgentsEnvelope(message)).toBeUndefined();
    });
  });

  describe(parseAgentsMessage.name, () => {
    const envelope = (id: string) => ({ event: 'message.created', payload: { id }, audience: { overseers: true } });

    it('should read one envelope, or a turn’s envelopes in their order', () => {
      expect(parseAgentsMessage(JSON.stringify(envelope('m-1')))).toEqual([expect.objectContaining(envelope('m-1'))]);
      expect(parseAgentsMessage(JSON.stringify([envelope('m-1'), envelope('m-2')]))?.map((item) => item?.payload)).toEqual([
        { id: 'm-1' },
        { id: 'm-2' },
      ]);
    });

    it('should drop a malformed element alone, and a message that is not JSON whole', () => {
      const [first, second, third] = parseAgentsMessage(
        JSON.stringify([envelope('m-1'), { event: 'x', audience: { everyone: 'yes' } }, [envelope('m-3')]]),
      )!;
      expect(first?.payload).toEqual({ id: 'm-1' });
      // A widened flag, and an array inside the array: neither is an envelope.
      expect(second).toBeUndefined();
      expect(third).toBeUndefined();
      expect(parseAgentsMessage('[')).toBeUndefined();
    });
  });

  describe(organisationChannel.name, () => {
    it('should keep two deployments on one Redis apart', () => {
      expect(organisationChannel('wasl', organisationId)).not.toBe(organisationChannel('wasl-staging', organisationId));
    });
  });
});
