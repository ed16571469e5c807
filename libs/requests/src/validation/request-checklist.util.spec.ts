import { DateRule, DocumentKind, FieldKind, RequestForm } from '../definitions/request-form.types';
import { buildChecklist } from './request-checklist.util';
import { applyValuesChange } from './request-values.util';

const FORM: RequestForm = {
  fields: [
    { key: 'nationalId', labelAr: 'رقم الهوية', labelEn: 'National ID', kind: FieldKind.NationalId, required: true },
    { key: 'iban', labelAr: 'الآيبان', labelEn: 'IBAN', kind: FieldKind.Iban, required: true },
    { key: 'mobile', labelAr: 'الجوال', labelEn: 'Mobile', kind: FieldKind.Phone, required: false },
    { key: 'birthDate', labelAr: 'تاريخ الميلاد', labelEn: 'Date of birth', kind: FieldKind.Date, required: true, dateRule: DateRule.Past },
    {
      key: 'household',
      labelAr: 'أفراد الأسرة',
      labelEn: 'Household',
      kind: FieldKind.Household,
      required: true,
      fields: [
        { key: 'name', labelAr: 'الاسم', labelEn: 'Name', kind: FieldKind.Text, required: true },
        { key: 'nationalId', labelAr: 'الهوية', labelEn: 'ID', kind: FieldKind.NationalId, required: false },
      ],
    },
  ],
  documents: [
    { key: 'id', kind: DocumentKind.NationalId, labelAr: 'صورة الهوية', labelEn: 'ID card', required: true, hasExpiry: true },
    { key: 'lease', kind: DocumentKind.Lease, labelAr: 'عقد الإيجار', labelEn: 'Lease', required: true, hasExpiry: true },
    {
      key: 'medical',
      kind: DocumentKind.MedicalReport,
      labelAr: 'تقرير طبي',
      labelEn: 'Medical report',
      required: false,
      hasExpiry: false,
    },
  ],
};

describe(buildChecklist.name, () => {
  it('should name every missing, invalid and expired item by its path', () => {
    const { values } = applyValuesChange(
      FORM,
      {},
      {
        nationalId: '1000000000',
        iban: 'SA0380000000608010167519',
        birthDate: '2030-01-01',
        household: [{ name: 'سارة' }, { nationalId: '1058529941' }],
      },
    );
    const checklist = buildChecklist(FORM, values, [{ key: 'id', id: 'a', expiresOn: '2026-01-31' }], '2026-02-01');
    expect(checklist.complete).toBe(false);
    expect(checklist.problems.map((item) => [item.path, item.status, item.reason])).toEqual([
      ['values.nationalId', 'invalid', 'identity_checksum'],
      ['values.birthDate', 'invalid', 'date_must_be_past'],
      ['values.household.1.name', 'missing', 'required'],
      ['values.household.1.nationalId', 'invalid', 'identity_checksum'],
      ['documents.id', 'expired', 'expired'],
      ['documents.lease', 'missing', 'required'],
    ]);
  });

  it('should be complete when every required item is there, valid and in force on the day judged', () => {
    const { values, problems } = applyValuesChange(
      FORM,
      {},
      {
        nationalId: '١٠٥٨٥٢٩٩٤٠',
        iban: 'SA03 8000 0000 6080 1016 7519',
        mobile: '0551234567',
        birthDate: '1990-05-01',
        household: [{ name: 'سارة', nationalId: '1001244019' }, { name: '' }],
      },
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      nationalId: '1058529940',
      iban: 'SA0380000000608010167519',
      mobile: '+966551234567',
      birthDate: '1990-05-01',
      household: [{ name: 'سارة', nationalId: '1001244019' }],
    });
    const documents = [
      { key: 'id', id: 'a', expiresOn: '2026-02-01' },
      { key: 'lease', id: 'b', expiresOn: '2027-01-01' },
    ];
    expect(buildChecklist(FORM, values, documents, '2026-02-01').complete).toBe(true);
    // The same ID card is expired a day later.
    expect(buildChecklist(FORM, values, documents, '2026-02-02').problems.map((item) => item.path)).toEqual(['documents.id']);
  });

  it('should ask for the expiry date of a document that has one', () => {
    const checklist = buildChecklist(
      { fields: [], documents: FORM.documents.slice(0, 1) },
      {},
      [{ key: 'id', id: 'a', expiresOn: null }],
      '2026-02-01',
    );
    expect(checklist.problems).toMatchObject([{ path: 'documents.id', status: 'invalid', reason: 'expiry_date_missing' }]);
  });
});

describe(applyValuesChange.name, () => {
  it('should refuse unknown fields and values of the wrong shape, naming each, and keep the rest', () => {
    const change = applyValuesChange(
      FORM,
      { iban: 'SA0380000000608010167519' },
      {
        nickname: 'x',
        nationalId: 1058529940,
        household: 'three people',
        iban: null,
      },
    );
    expect(change.problems).toEqual([
      { field: 'values.nickname', message: 'is not a field of this request type' },
      { field: 'values.nationalId', message: 'must be text' },
      { field: 'values.household', message: 'must be a list of household members' },
    ]);
    expect(change.values).toEqual({});
  });
});
