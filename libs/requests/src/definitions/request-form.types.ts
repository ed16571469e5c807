// What an administrator configures for a request type: its form and its required documents. Stored as JSON on each
// version of the type, so a request keeps the form it was filed under.

export enum FieldKind {
  Text = 'text',
  Number = 'number',
  Date = 'date',
  Choice = 'choice',
  // A Saudi national ID (starts with 1) or an iqama number (starts with 2).
  NationalId = 'national_id',
  Phone = 'phone',
  Iban = 'iban',
  // Household members: a repeatable group of sub-fields.
  Household = 'household',
}

export enum DateRule {
  Past = 'past',
  Future = 'future',
}

export interface ChoiceOption {
  value: string;
  labelAr: string;
  labelEn: string;
}

export interface FieldDefinition {
  key: string;
  labelAr: string;
  labelEn: string;
  kind: FieldKind;
  required: boolean;
  dateRule?: DateRule;
  options?: ChoiceOption[];
  // The sub-fields of a household group (no nested groups).
  fields?: FieldDefinition[];
}

export enum DocumentKind {
  NationalId = 'national_id',
  FamilyCard = 'family_card',
  IncomeProof = 'income_proof',
  Lease = 'lease',
  MedicalReport = 'medical_report',
  Custom = 'custom',
}

export interface DocumentDefinition {
  key: string;
  kind: DocumentKind;
  labelAr: string;
  labelEn: string;
  required: boolean;
  // The document carries an expiry date (an ID card, a lease): an expired one is not valid at submission.
  hasExpiry: boolean;
}

export interface RequestForm {
  fields: FieldDefinition[];
  documents: DocumentDefinition[];
}

// A value as stored on a request: text for every scalar kind (numbers as typed, normalised), rows for households.
export type ScalarValue = string;
export type HouseholdRow = Record<string, ScalarValue>;
export type FieldValue = ScalarValue | HouseholdRow[];
export type RequestValues = Record<string, FieldValue>;
