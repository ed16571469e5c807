import { UserRole } from '@app/identity';
import { ProviderSandbox, SandboxMessage } from '../../apps/sandbox/src/provider-sandbox.server';
import { createTwilioInbox, TwilioTestInbox } from './twilio-inbox.helper';
import { eventually, TestOrganisation, WaslTestApp } from './wasl-test-app';

// A rent-support request type as an association would configure it: the applicant's identity and bank account, a
// household, and two documents that expire (the ID card and the lease).
export const RENT_SUPPORT_TYPE = {
  nameAr: 'مساعدة إيجار',
  nameEn: 'Rent support',
  publicForm: true,
  fields: [
    { key: 'nationalId', labelAr: 'رقم الهوية الوطنية أو الإقامة', labelEn: 'National ID or iqama', kind: 'national_id', required: true },
    { key: 'iban', labelAr: 'رقم الآيبان', labelEn: 'IBAN', kind: 'iban', required: true },
    { key: 'mobile', labelAr: 'جوال بديل', labelEn: 'Other mobile', kind: 'phone', required: false },
    { key: 'birthDate', labelAr: 'تاريخ الميلاد', labelEn: 'Date of birth', kind: 'date', required: true, dateRule: 'past' },
    {
      key: 'housing',
      labelAr: 'نوع السكن',
      labelEn: 'Housing',
      kind: 'choice',
      required: true,
      options: [
        { value: 'rent', labelAr: 'مستأجر', labelEn: 'Renting' },
        { value: 'family', labelAr: 'مع الأهل', labelEn: 'With family' },
      ],
    },
    {
      key: 'household',
      labelAr: 'أفراد الأسرة',
      labelEn: 'Household members',
      kind: 'household',
      required: true,
      fields: [
        { key: 'name', labelAr: 'الاسم', labelEn: 'Name', kind: 'text', required: true },
        { key: 'nationalId', labelAr: 'رقم الهوية', labelEn: 'ID number', kind: 'national_id', required: false },
      ],
    },
  ],
  documents: [
    { key: 'idCard', kind: 'national_id', labelAr: 'صورة الهوية', labelEn: 'ID card', required: true, hasExpiry: true },
    { key: 'lease', kind: 'lease', labelAr: 'عقد الإيجار', labelEn: 'Lease', required: true, hasExpiry: true },
    { key: 'income', kind: 'income_proof', labelAr: 'إثبات الدخل', labelEn: 'Proof of income', required: false, hasExpiry: false },
  ],
};

// Published valid examples (see libs/requests/src/validation/*.spec.ts for their sources).
export const VALID_VALUES = {
  nationalId: '1058529940',
  iban: 'SA0380000000608010167519',
  birthDate: '1988-04-12',
  housing: 'rent',
  household: [{ name: 'نورة محمد', nationalId: '1001244019' }, { name: 'سلمان محمد' }],
};

export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a test image')]);
export const PDF_BYTES = Buffer.from('%PDF-1.4\n% a test lease\n');

// A Saudi mobile number (+9665 and eight digits) ending in these four digits; the sandbox delivers it normally.
export function beneficiaryMobile(lastFour: string): string {
  return `+9665${Math.floor(1_000 + Math.random() * 8_999)}${lastFour}`;
}

export function dayFromToday(days: number): string {
  const riyadhToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date());
  const date = new Date(`${riyadhToday}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface RequestStaff {
  officer: { id: string; token: string };
  researcher: { id: string; token: string };
  committee: Array<{ id: string; token: string }>;
  supervisor: { id: string; token: string };
}

// An organisation ready for support requests: its staff, an SMS inbox on the sandbox for codes and notices, the
// settings (a quorum of two, the first committee member as chair) and the rent-support type.
export async function prepareRequestsOrganisation(
  wasl: WaslTestApp,
  sandbox: ProviderSandbox,
  organisation: TestOrganisation,
): Promise<{ staff: RequestStaff; smsInbox: TwilioTestInbox; typeId: string }> {
  const staff: RequestStaff = {
    officer: await wasl.createUser(organisation.adminToken, UserRole.Officer),
    researcher: await wasl.createUser(organisation.adminToken, UserRole.Researcher),
    committee: [
      await wasl.createUser(organisation.adminToken, UserRole.Committee),
      await wasl.createUser(organisation.adminToken, UserRole.Committee),
      await wasl.createUser(organisation.adminToken, UserRole.Committee),
    ],
    supervisor: await wasl.createUser(organisation.adminToken, UserRole.Supervisor),
  };
  const smsInbox = await createTwilioInbox(wasl, organisation.adminToken, 'sms', sandbox.url);
  const access = await wasl.request('PUT', `/api/v1/inboxes/${smsInbox.id}/access`, {
    token: organisation.adminToken,
    body: { teamIds: [], userIds: [staff.officer.id] },
  });
  if (access.status !== 200) throw new Error(`access: ${JSON.stringify(access.body)}`);
  const settings = await wasl.request('PUT', '/api/v1/request-settings', {
    token: organisation.adminToken,
    body: { smsInboxId: smsInbox.id, quorum: 2, chairUserId: staff.committee[0].id, answerDays: 21, alertDaysBefore: 3 },
  });
  if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`);
  const type = await wasl.request<{ id: string }>('POST', '/api/v1/request-types', {
    token: organisation.adminToken,
    body: RENT_SUPPORT_TYPE,
  });
  if (type.status !== 201) throw new Error(`type: ${JSON.stringify(type.body)}`);
  return { staff, smsInbox, typeId: type.body.id };
}

export async function uploadDocument(
  wasl: WaslTestApp,
  token: string,
  requestId: string,
  documentKey: string,
  content: Buffer,
  expiresOn?: string,
) {
  const query = new URLSearchParams({ documentKey, ...(expiresOn ? { expiresOn } : {}) });
  const response = await fetch(`${wasl.url}/api/v1/requests/${requestId}/documents?${query}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(`${documentKey}.bin`),
    },
    body: new Uint8Array(content),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// The SMS the sandbox received for this number whose text matches, once it has arrived.
export async function smsTo(sandbox: ProviderSandbox, phone: string, matching: RegExp, after = 0): Promise<SandboxMessage> {
  return eventually(
    async () => sandbox.messages.slice(after).find((message) => message.to === phone && matching.test(message.body)),
    `an SMS to ${phone} matching ${matching}`,
    15_000,
  );
}

export function codeIn(message: SandboxMessage): string {
  return /\b(\d{6})\b/.exec(message.body)![1];
}

export function linkIn(message: SandboxMessage): string {
  return /(https?:\/\/\S+\/forms\/r\/\S+)/.exec(message.body)![1];
}
