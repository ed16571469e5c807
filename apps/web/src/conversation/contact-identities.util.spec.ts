import { contactIdentityRows } from './contact-identities.util';

describe('contact identities', () => {
  it('should show asserted identities as verified and a typed number or address as unverified', () => {
    const rows = contactIdentityRows({
      phone: '+966551112233',
      phoneVerified: false,
      email: 'sara@example.org',
      emailVerified: false,
      identities: [{ kind: 'external', value: 'visitor-7', inboxId: 'inbox-1' }],
    });
    expect(rows).toEqual([
      { kind: 'phone', value: '+966551112233', inboxId: null, verified: false },
      { kind: 'external', value: 'visitor-7', inboxId: 'inbox-1', verified: true },
      { kind: 'email', value: 'sara@example.org', inboxId: null, verified: false },
    ]);
  });

  it('should list a number once when a channel asserted the one on the record', () => {
    const rows = contactIdentityRows({
      phone: '+966551112233',
      phoneVerified: true,
      email: null,
      emailVerified: false,
      identities: [{ kind: 'phone', value: '+966551112233', inboxId: null }],
    });
    expect(rows).toEqual([{ kind: 'phone', value: '+966551112233', inboxId: null, verified: true }]);
  });
});
