import type { ContactDetail } from '../api/api-client';

export interface IdentityRow {
  kind: 'phone' | 'email' | 'external';
  value: string;
  inboxId: string | null;
  verified: boolean;
}

type ContactIdentities = Pick<ContactDetail, 'phone' | 'email' | 'phoneVerified' | 'emailVerified' | 'identities'>;

// Every way the beneficiary reached the association. Identities are what a channel asserted (an SMS sender, the
// association's signed app, a code entered), so they are verified; a number or address only typed into a form is
// shown beside them, unverified, until it is proven.
export function contactIdentityRows(contact: ContactIdentities): IdentityRow[] {
  const rows: IdentityRow[] = contact.identities.map((identity) => ({
    kind: identity.kind as IdentityRow['kind'],
    value: identity.value,
    inboxId: identity.inboxId,
    verified: true,
  }));
  const asserted = (kind: 'phone' | 'email', value: string) => rows.some((row) => row.kind === kind && row.value === value);
  if (contact.phone && !asserted('phone', contact.phone)) {
    rows.unshift({ kind: 'phone', value: contact.phone, inboxId: null, verified: contact.phoneVerified });
  }
  if (contact.email && !asserted('email', contact.email)) {
    rows.push({ kind: 'email', value: contact.email, inboxId: null, verified: contact.emailVerified });
  }
  return rows;
}
