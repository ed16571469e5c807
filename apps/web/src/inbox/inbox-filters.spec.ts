import { DEFAULT_INBOX_FILTERS, parseInboxFilters, serialiseInboxFilters, toConversationListQuery } from './inbox-filters';

describe('inbox filters', () => {
  const officerId = '6f1c2d3e-0000-4000-8000-000000000001';

  it('should open on every open conversation when the address has no filters', () => {
    expect(parseInboxFilters('')).toEqual(DEFAULT_INBOX_FILTERS);
    expect(serialiseInboxFilters(DEFAULT_INBOX_FILTERS)).toBe('');
    expect(toConversationListQuery(DEFAULT_INBOX_FILTERS, officerId)).toEqual({ status: 'open' });
  });

  it('should round-trip every filter through the address bar, Arabic search included', () => {
    const filters = {
      view: 'mine',
      status: 'pending',
      channel: 'sms',
      inboxId: '6f1c2d3e-0000-4000-8000-00000000000a',
      teamId: '6f1c2d3e-0000-4000-8000-00000000000b',
      label: 'مكالمة فائتة',
      q: 'مساعدة سكن',
    } as const;
    expect(parseInboxFilters(serialiseInboxFilters(filters))).toEqual(filters);
  });

  it('should keep "any status" distinct from the default open status', () => {
    const anyStatus = { ...DEFAULT_INBOX_FILTERS, status: null };
    expect(serialiseInboxFilters(anyStatus)).toBe('?status=any');
    expect(parseInboxFilters('?status=any').status).toBeNull();
    expect(toConversationListQuery(anyStatus, officerId)).toEqual({});
  });

  it('should ignore values the API would refuse', () => {
    expect(parseInboxFilters('?view=everyone&status=deleted&channel=fax&inbox=1&team=x&label=%20')).toEqual(DEFAULT_INBOX_FILTERS);
    expect(parseInboxFilters(`?label=${'ت'.repeat(51)}`).label).toBeNull();
    expect(parseInboxFilters(`?q=${'أ'.repeat(300)}`).q).toHaveLength(200);
  });

  it('should ask the API for the officer’s own, the unassigned or all conversations', () => {
    expect(toConversationListQuery({ ...DEFAULT_INBOX_FILTERS, view: 'mine' }, officerId)).toEqual({
      status: 'open',
      assigneeId: officerId,
    });
    expect(toConversationListQuery({ ...DEFAULT_INBOX_FILTERS, view: 'unassigned' }, officerId)).toEqual({
      status: 'open',
      unassigned: 'true',
    });
    const inboxId = '6f1c2d3e-0000-4000-8000-00000000000a';
    expect(toConversationListQuery({ ...DEFAULT_INBOX_FILTERS, inboxId, label: 'عاجل' }, officerId)).toEqual({
      status: 'open',
      inboxId,
      label: 'عاجل',
    });
    expect(toConversationListQuery({ ...DEFAULT_INBOX_FILTERS, channel: 'webchat', q: '  احمد  ' }, officerId)).toEqual({
      status: 'open',
      channel: 'webchat',
      q: 'احمد',
    });
  });
});
