import { NotificationContext, shouldNotify } from './notification-decision.util';

describe('notification decision', () => {
  const me = 'officer-1';
  const context: NotificationContext = { enabled: true, userId: me, openConversationId: null, pageVisible: true };
  const inbound = { id: 'm1', type: 'inbound', conversationId: 'c1' };

  it('should notify of a beneficiary’s message on a conversation assigned to the officer or to nobody', () => {
    expect(shouldNotify(inbound, { assigneeId: me }, context)).toBe(true);
    expect(shouldNotify(inbound, { assigneeId: null }, context)).toBe(true);
  });

  it('should stay quiet for a colleague’s conversation, replies and notes, an unknown conversation, or when switched off', () => {
    expect(shouldNotify(inbound, { assigneeId: 'officer-2' }, context)).toBe(false);
    expect(shouldNotify({ ...inbound, type: 'outbound' }, { assigneeId: me }, context)).toBe(false);
    expect(shouldNotify({ ...inbound, type: 'note' }, { assigneeId: null }, context)).toBe(false);
    expect(shouldNotify(inbound, undefined, context)).toBe(false);
    expect(shouldNotify(inbound, { assigneeId: me }, { ...context, enabled: false })).toBe(false);
  });

  it('should not interrupt the officer reading that very conversation, but should when the tab is in the background', () => {
    const reading = { ...context, openConversationId: 'c1' };
    expect(shouldNotify(inbound, { assigneeId: me }, reading)).toBe(false);
    expect(shouldNotify(inbound, { assigneeId: me }, { ...reading, pageVisible: false })).toBe(true);
    expect(shouldNotify(inbound, { assigneeId: me }, { ...context, openConversationId: 'c2' })).toBe(true);
  });
});
