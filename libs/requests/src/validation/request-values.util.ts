import { FieldProblem } from '@app/common';
import { FieldDefinition, FieldKind, FieldValue, HouseholdRow, RequestForm, RequestValues } from '../definitions/request-form.types';
import { checkSaudiIban } from './saudi-iban.util';
import { checkSaudiIdentityNumber } from './saudi-identity-number.util';
import { saudiMobileNumber } from './saudi-mobile.util';
import { westernDigits } from './western-digits.util';

export const MAX_TEXT_LENGTH = 2_000;
export const MAX_HOUSEHOLD_ROWS = 30;

export interface ValuesChange {
  values: RequestValues;
  problems: FieldProblem[];
}

// One scalar as stored: trimmed text, digits in Latin form where the kind is a number, an identity or an IBAN in its
// canonical form when it can be read. A value that cannot be read is kept as typed, for the checklist to name.
function normaliseScalar(kind: FieldKind, raw: string): string {
  const value = raw.trim();
  switch (kind) {
    case FieldKind.NationalId:
      return checkSaudiIdentityNumber(value).value;
    case FieldKind.Iban:
      return checkSaudiIban(value).value;
    case FieldKind.Phone:
      return saudiMobileNumber(value) ?? value;
    case FieldKind.Number:
    case FieldKind.Date:
      return westernDigits(value);
    default:
      return value;
  }
}

function scalarOf(definition: FieldDefinition, raw: unknown, path: string, problems: FieldProblem[]): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' && definition.kind === FieldKind.Number && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== 'string') {
    problems.push({ field: path, message: 'must be text' });
    return undefined;
  }
  if (raw.length > MAX_TEXT_LENGTH) {
    problems.push({ field: path, message: `must be at most ${MAX_TEXT_LENGTH} characters` });
    return undefined;
  }
  const value = normaliseScalar(definition.kind, raw);
  return value === '' ? null : value;
}

function householdOf(definition: FieldDefinition, raw: unknown, path: string, problems: FieldProblem[]): HouseholdRow[] | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw)) {
    problems.push({ field: path, message: 'must be a list of household members' });
    return undefined;
  }
  if (raw.length > MAX_HOUSEHOLD_ROWS) {
    problems.push({ field: path, message: `must have at most ${MAX_HOUSEHOLD_ROWS} members` });
    return undefined;
  }
  const subFields = new Map((definition.fields ?? []).map((field) => [field.key, field]));
  const rows: HouseholdRow[] = [];
  raw.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ field: `${path}.${index}`, message: 'must be an object' });
      return;
    }
    const row: HouseholdRow = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      const subField = subFields.get(key);
      if (!subField) {
        problems.push({ field: `${path}.${index}.${key}`, message: 'is not a field of this household group' });
        continue;
      }
      const scalar = scalarOf(subField, value, `${path}.${index}.${key}`, problems);
      if (typeof scalar === 'string') row[key] = scalar;
    }
    // A row left entirely blank is no member.
    if (Object.keys(row).length > 0) rows.push(row);
  });
  return rows.length > 0 ? rows : null;
}

// Applies a change to a request's values: each key given replaces that field's value, null or '' removes it. Only the
// shape is checked here (a 400 names the field); whether a value is valid is the checklist's to say, so a draft can
// hold an ID number still being corrected.
export function applyValuesChange(form: RequestForm, current: RequestValues, input: unknown): ValuesChange {
  const problems: FieldProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { values: current, problems: [{ field: 'values', message: 'must be an object of field values' }] };
  }
  const definitions = new Map(form.fields.map((field) => [field.key, field]));
  const values: RequestValues = { ...current };
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    const definition = definitions.get(key);
    const path = `values.${key}`;
    if (!definition) {
      problems.push({ field: path, message: 'is not a field of this request type' });
      continue;
    }
    const value: FieldValue | null | undefined =
      definition.kind === FieldKind.Household ? householdOf(definition, raw, path, problems) : scalarOf(definition, raw, path, problems);
    if (value === null) delete values[key];
    else if (value !== undefined) values[key] = value;
  }
  return { values, problems };
}
