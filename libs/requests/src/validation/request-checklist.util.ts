import { DateRule, DocumentDefinition, FieldDefinition, FieldKind, RequestForm, RequestValues } from '../definitions/request-form.types';
import { readIsoDate } from './riyadh-date.util';
import { checkSaudiIban } from './saudi-iban.util';
import { checkSaudiIdentityNumber } from './saudi-identity-number.util';
import { saudiMobileNumber } from './saudi-mobile.util';

export type ChecklistStatus = 'ok' | 'missing' | 'invalid' | 'expired';

// Why an item is not ok; the web app and the message to the beneficiary word each one.
export type ChecklistReason =
  | 'required'
  | 'not_a_number'
  | 'not_a_date'
  | 'date_must_be_past'
  | 'date_must_be_future'
  | 'not_an_option'
  | 'identity_format'
  | 'identity_prefix'
  | 'identity_checksum'
  | 'mobile'
  | 'iban_format'
  | 'iban_checksum'
  | 'expiry_date_missing'
  | 'expired';

export interface ChecklistItem {
  target: 'field' | 'document';
  key: string;
  // Where the problem is, in the request's API shape: values.nationalId, values.household.1.nationalId, documents.lease.
  path: string;
  labelAr: string;
  labelEn: string;
  // For a household member's sub-field: which member (0-based).
  row?: number;
  status: ChecklistStatus;
  reason?: ChecklistReason;
}

export interface Checklist {
  complete: boolean;
  // The Riyadh day the dates and expiries were judged on: today while the request is a draft, the day it was
  // submitted afterwards (a document that expired since is not held against the submission).
  judgedOn: string;
  items: ChecklistItem[];
  problems: ChecklistItem[];
}

export interface ChecklistDocument {
  key: string;
  id: string;
  expiresOn: string | null;
}

function scalarReason(field: FieldDefinition, value: string, today: string): { status: ChecklistStatus; reason?: ChecklistReason } {
  switch (field.kind) {
    case FieldKind.Number:
      return /^-?\d+(\.\d+)?$/.test(value) ? { status: 'ok' } : { status: 'invalid', reason: 'not_a_number' };
    case FieldKind.Date: {
      const date = readIsoDate(value);
      if (!date) return { status: 'invalid', reason: 'not_a_date' };
      if (field.dateRule === DateRule.Past && !(date < today)) return { status: 'invalid', reason: 'date_must_be_past' };
      if (field.dateRule === DateRule.Future && !(date > today)) return { status: 'invalid', reason: 'date_must_be_future' };
      return { status: 'ok' };
    }
    case FieldKind.Choice:
      return (field.options ?? []).some((option) => option.value === value)
        ? { status: 'ok' }
        : { status: 'invalid', reason: 'not_an_option' };
    case FieldKind.NationalId: {
      const problem = checkSaudiIdentityNumber(value).problem;
      return problem ? { status: 'invalid', reason: `identity_${problem}` } : { status: 'ok' };
    }
    case FieldKind.Phone:
      return saudiMobileNumber(value) ? { status: 'ok' } : { status: 'invalid', reason: 'mobile' };
    case FieldKind.Iban: {
      const problem = checkSaudiIban(value).problem;
      return problem ? { status: 'invalid', reason: `iban_${problem}` } : { status: 'ok' };
    }
    default:
      return { status: 'ok' };
  }
}

function fieldItems(field: FieldDefinition, values: RequestValues, today: string): ChecklistItem[] {
  const base = { target: 'field' as const, key: field.key, labelAr: field.labelAr, labelEn: field.labelEn };
  const value = values[field.key];
  if (field.kind === FieldKind.Household) {
    const rows = Array.isArray(value) ? value : [];
    if (rows.length === 0)
      return [
        {
          ...base,
          path: `values.${field.key}`,
          status: field.required ? 'missing' : 'ok',
          ...(field.required ? { reason: 'required' } : {}),
        },
      ];
    const items: ChecklistItem[] = [{ ...base, path: `values.${field.key}`, status: 'ok' }];
    rows.forEach((row, index) => {
      for (const subField of field.fields ?? []) {
        const path = `values.${field.key}.${index}.${subField.key}`;
        const sub = { target: 'field' as const, key: field.key, labelAr: subField.labelAr, labelEn: subField.labelEn, row: index, path };
        const subValue = row[subField.key];
        if (subValue === undefined || subValue === '') {
          if (subField.required) items.push({ ...sub, status: 'missing', reason: 'required' });
          continue;
        }
        const judged = scalarReason(subField, subValue, today);
        if (judged.status !== 'ok') items.push({ ...sub, ...judged });
      }
    });
    return items;
  }
  const path = `values.${field.key}`;
  if (typeof value !== 'string' || value === '') {
    return [{ ...base, path, status: field.required ? 'missing' : 'ok', ...(field.required ? { reason: 'required' } : {}) }];
  }
  return [{ ...base, path, ...scalarReason(field, value, today) }];
}

function documentItem(definition: DocumentDefinition, documents: ChecklistDocument[], today: string): ChecklistItem {
  const base = {
    target: 'document' as const,
    key: definition.key,
    path: `documents.${definition.key}`,
    labelAr: definition.labelAr,
    labelEn: definition.labelEn,
  };
  const uploaded = documents.filter((document) => document.key === definition.key);
  if (uploaded.length === 0)
    return { ...base, status: definition.required ? 'missing' : 'ok', ...(definition.required ? { reason: 'required' } : {}) };
  if (!definition.hasExpiry) return { ...base, status: 'ok' };
  // Any one copy still in force is enough; the newest upload usually is.
  if (uploaded.some((document) => document.expiresOn !== null && document.expiresOn >= today)) return { ...base, status: 'ok' };
  if (uploaded.every((document) => document.expiresOn === null)) return { ...base, status: 'invalid', reason: 'expiry_date_missing' };
  return { ...base, status: 'expired', reason: 'expired' };
}

// Step 2 of the policy: is every required field and document there, is every value valid, is every document in force
// on `judgedOn` (a Riyadh day)? Computed on the server from the form the request was filed under.
export function buildChecklist(form: RequestForm, values: RequestValues, documents: ChecklistDocument[], judgedOn: string): Checklist {
  const items = [
    ...form.fields.flatMap((field) => fieldItems(field, values, judgedOn)),
    ...form.documents.map((definition) => documentItem(definition, documents, judgedOn)),
  ];
  const problems = items.filter((item) => item.status !== 'ok');
  return { complete: problems.length === 0, judgedOn, items, problems };
}
