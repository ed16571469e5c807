import { getMetadataStorage } from 'class-validator';
import { ChannelDefinition } from './channel-definition';
import { SettingsFieldInput, SettingsFormField } from './channel-settings-form.types';
import { WorkingHoursDto } from './working-hours/working-hours.dto';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

interface DerivedField {
  name: string;
  input: SettingsFieldInput;
  required: boolean;
  group: string | null;
  allowed: string[] | null;
  maxLength: number | null;
  minimum: number | null;
  maximum: number | null;
}

type SettingsClass = new (...parts: never[]) => object;

function metadataByProperty(settings: SettingsClass): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const entry of getMetadataStorage().getTargetValidationMetadatas(settings, '', true, false)) {
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  }
  return byProperty;
}

function inputOf(entries: ValidationMetadata[], secret: boolean): SettingsFieldInput {
  const names = new Set(entries.map((entry) => entry.name));
  if (secret) return 'secret';
  if (names.has('isIn')) return 'choice';
  if (names.has('isArray')) return 'list';
  if (names.has('isUrl')) return 'url';
  if (names.has('isInt') || names.has('isNumber')) return 'number';
  if (names.has('isBoolean')) return 'boolean';
  if (names.has('isTimeZone')) return 'time-zone';
  if (names.has('isUuid')) return 'inbox-reference';
  const maxLength = constraintOf(entries, 'maxLength');
  // A message an association writes (a greeting, an out-of-hours answer) rather than a code or a name.
  return maxLength !== null && maxLength >= 500 ? 'long-text' : 'text';
}

function constraintOf(entries: ValidationMetadata[], name: string): number | null {
  const entry = entries.find((candidate) => candidate.name === name);
  const value: unknown = entry?.constraints?.[0];
  return typeof value === 'number' ? value : null;
}

// The settings fields of a DTO as class-validator knows them, nested objects walked (their own entry is a group),
// the working hours kept whole: one widget in the staff app, the same on every channel that has them.
function derivedFields(settings: SettingsClass, secretFields: readonly string[], parent: string | null, parentRequired: boolean) {
  const fields: DerivedField[] = [];
  for (const [property, entries] of metadataByProperty(settings)) {
    const name = parent ? `${parent}.${property}` : property;
    // @IsOptional or @ValidateIf (Twilio's number, which a Messaging Service can stand in for).
    const required = parentRequired && !entries.some((entry) => entry.type === 'conditionalValidation');
    const base = { name, required, group: parent, allowed: null, maxLength: null, minimum: null, maximum: null };
    if (entries.some((entry) => entry.type === 'nestedValidation')) {
      const nested = Reflect.getMetadata('design:type', settings.prototype, property) as SettingsClass | undefined;
      if (nested === WorkingHoursDto || !nested) {
        fields.push({ ...base, input: 'working-hours' });
        continue;
      }
      fields.push({ ...base, input: 'group' });
      fields.push(...derivedFields(nested, [], name, required));
      continue;
    }
    const allowed = entries.find((entry) => entry.name === 'isIn')?.constraints?.[0] as unknown[] | undefined;
    fields.push({
      ...base,
      input: inputOf(entries, parent === null && secretFields.includes(property)),
      allowed: allowed ? allowed.map(String) : null,
      maxLength: constraintOf(entries, 'maxLength'),
      minimum: constraintOf(entries, 'min'),
      maximum: constraintOf(entries, 'max'),
    });
  }
  return fields;
}

// Every settings field of the definition, by path ("preChat.name"), in the DTO's order.
export function settingsFieldNames(definition: Pick<ChannelDefinition, 'settings' | 'secretFields'>): string[] {
  return derivedFields(definition.settings as SettingsClass, definition.secretFields, null, true).map((field) => field.name);
}

// The form the staff app draws for a definition: types, requirement and choices from the DTO, words and order from
// the label map in the definition's folder (`form`). channelDefinitionProblems guarantees the two agree.
export function settingsFormFields(definition: Pick<ChannelDefinition, 'settings' | 'secretFields' | 'form'>): SettingsFormField[] {
  const derived = new Map(
    derivedFields(definition.settings as SettingsClass, definition.secretFields, null, true).map((field) => [field.name, field]),
  );
  return Object.entries(definition.form.fields).flatMap(([name, labels]) => {
    const field = derived.get(name);
    if (!field) return [];
    return [
      {
        name,
        input: labels.input ?? field.input,
        required: field.required,
        group: field.group,
        label: labels.label,
        help: labels.help ?? null,
        options: field.allowed
          ? field.allowed.map((value) => ({ value, label: labels.options?.[value] ?? { ar: value, en: value } }))
          : null,
        references: labels.references ?? null,
        initial: labels.initial ?? null,
        maxLength: field.maxLength,
        minimum: field.minimum,
        maximum: field.maximum,
        writeOnly: field.input === 'secret',
      },
    ];
  });
}

// What is missing or stale in a definition's label map; the gateway refuses to boot on any (channelDefinitionProblems).
export function settingsFormProblems(definition: Pick<ChannelDefinition, 'settings' | 'secretFields' | 'form' | 'webhooks'>): string[] {
  const form = definition.form;
  if (!form?.fields) return ['has no settings form (labels for its settings fields)'];
  const problems: string[] = [];
  const complete = (text: { ar?: string; en?: string } | undefined) => Boolean(text?.ar?.trim() && text?.en?.trim());
  if (!complete(form.title)) problems.push('has no title in both languages');
  const derived = derivedFields(definition.settings as SettingsClass, definition.secretFields, null, true);
  const names = new Set(derived.map((field) => field.name));
  for (const field of derived) {
    const labels = form.fields[field.name];
    if (!labels) {
      problems.push(`has no labels for the settings field ${field.name}`);
      continue;
    }
    if (!complete(labels.label)) problems.push(`has no label in both languages for ${field.name}`);
    if (labels.help && !complete(labels.help)) problems.push(`has a help line for ${field.name} in one language only`);
    for (const value of field.allowed ?? []) {
      if (!complete(labels.options?.[value])) problems.push(`has no label in both languages for ${field.name} = ${value}`);
    }
    if ((labels.input ?? field.input) === 'inbox-reference' && !labels.references)
      problems.push(`does not say which inboxes ${field.name} names`);
  }
  for (const name of Object.keys(form.fields)) {
    if (!names.has(name)) problems.push(`labels ${name}, which its settings class does not have`);
  }
  for (const route of definition.webhooks?.routes ?? []) {
    if (route.pastedAs && !complete(form.webhookLabels?.[route.pastedAs]))
      problems.push(`has no label in both languages for the webhook URL ${route.pastedAs}`);
  }
  return problems;
}
