import type { FieldProblem } from '../api/api-client';
import type { ChannelDefinition, SettingsFormField } from './channel-definitions.query';

// The inbox form's model, built from the channel definitions the gateway describes: nothing here names a provider.

// Kinds are a closed enum (a new kind is a decision of its own); this is only the order the form offers them in.
const KIND_ORDER = ['webchat', 'api', 'sms', 'voice', 'whatsapp', 'messenger', 'instagram', 'telegram', 'walk_in', 'web_form', 'internal'];

export interface WorkingHoursValue {
  enabled: boolean;
  timeZone: string;
  days: number[];
  from: string;
  to: string;
}

// What an input holds: text (numbers and lists too, as typed), a switch, or the working-hours widget.
export type FieldValue = string | boolean | WorkingHoursValue;

export interface InboxFormValues {
  channel: string;
  provider: string | null;
  name: string;
  // By field path ("preChat.name"); groups hold no value of their own.
  settings: Record<string, FieldValue>;
}

export function defaultWorkingHours(): WorkingHoursValue {
  // The Saudi working week, Sunday (0) to Thursday (4), on Riyadh time.
  return { enabled: false, timeZone: 'Asia/Riyadh', days: [0, 1, 2, 3, 4], from: '08:00', to: '16:00' };
}

export function kindsOf(definitions: readonly ChannelDefinition[]): string[] {
  const kinds = [...new Set(definitions.map((definition) => definition.kind))];
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  return kinds.sort((first, second) => rank(first) - rank(second));
}

export function providersOf(definitions: readonly ChannelDefinition[], kind: string): ChannelDefinition[] {
  return definitions.filter((definition) => definition.kind === kind);
}

function initialValueOf(field: SettingsFormField): FieldValue | undefined {
  switch (field.input) {
    case 'group':
      return undefined;
    case 'working-hours':
      return defaultWorkingHours();
    case 'boolean':
      return field.initial === true;
    case 'choice':
      return field.initial !== null ? String(field.initial) : field.required ? (field.options?.[0]?.value ?? '') : '';
    default:
      return field.initial !== null ? String(field.initial) : '';
  }
}

function initialSettings(definition: ChannelDefinition | undefined): Record<string, FieldValue> {
  const settings: Record<string, FieldValue> = {};
  for (const field of definition?.fields ?? []) {
    const value = initialValueOf(field);
    if (value !== undefined) settings[field.name] = value;
  }
  return settings;
}

// A new inbox's form on the first kind (web chat) and its first provider, or on the kind and provider chosen.
export function emptyInboxForm(definitions: readonly ChannelDefinition[], channel?: string, provider?: string | null): InboxFormValues {
  const kind = channel ?? kindsOf(definitions)[0] ?? 'webchat';
  const candidates = providersOf(definitions, kind);
  const definition = candidates.find((candidate) => provider === undefined || candidate.provider === provider) ?? candidates[0];
  return { channel: kind, provider: definition?.provider ?? null, name: '', settings: initialSettings(definition) };
}

// Another kind or provider chosen: its own fields, the name kept.
export function withDefinition(
  values: InboxFormValues,
  definitions: readonly ChannelDefinition[],
  channel: string,
  provider?: string | null,
) {
  return { ...emptyInboxForm(definitions, channel, provider), name: values.name };
}

function storedAt(settings: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), settings);
}

// An existing inbox's form: its stored settings in the inputs. Credentials are never in `settings`, so they start
// blank, and a blank one is kept by the server.
export function inboxFormValuesOf(
  inbox: { name: string; channel: string; provider: string | null; settings: Record<string, unknown> },
  definition: ChannelDefinition | undefined,
): InboxFormValues {
  const settings: Record<string, FieldValue> = initialSettings(definition);
  for (const field of definition?.fields ?? []) {
    const stored = storedAt(inbox.settings, field.name);
    if (field.writeOnly || field.input === 'group') continue;
    if (field.input === 'working-hours') {
      const hours = stored as Partial<WorkingHoursValue> | undefined;
      settings[field.name] = hours ? { ...defaultWorkingHours(), ...hours, enabled: true } : defaultWorkingHours();
    } else if (field.input === 'boolean') settings[field.name] = stored === true;
    else if (Array.isArray(stored)) settings[field.name] = stored.map(String).join('\n');
    else if (typeof stored === 'string' || typeof stored === 'number') settings[field.name] = String(stored);
    else if (field.input !== 'choice') settings[field.name] = '';
  }
  return { channel: inbox.channel, provider: inbox.provider, name: inbox.name, settings };
}

function listOf(text: string): string[] {
  return text
    .split(/[\n,،]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

// The value the API takes for a field, or undefined to leave it out (a blank optional field, so the server applies its
// default; a blank credential on edit, so the sealed one is kept).
function apiValueOf(field: SettingsFormField, value: FieldValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if (!value.enabled) return undefined;
    const days = [...value.days].sort((first, second) => first - second);
    return { timeZone: value.timeZone.trim(), days, from: value.from.trim(), to: value.to.trim() };
  }
  if (field.input === 'list') {
    const entries = listOf(value);
    return entries.length === 0 && !field.required ? undefined : entries;
  }
  const text = value.trim();
  if (text === '') return undefined;
  // A number as typed when it is not one, so the server's 400 names the field.
  if (field.input === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  return text;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

export function settingsBodyOf(values: InboxFormValues, definition: ChannelDefinition | undefined): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of definition?.fields ?? []) {
    if (field.input === 'group') continue;
    const value = apiValueOf(field, values.settings[field.name]);
    if (value !== undefined) setAt(settings, field.name, value);
  }
  return settings;
}

export interface CreateInboxBody {
  channel: string;
  name: string;
  provider?: string;
  settings: Record<string, unknown>;
}

export function buildCreateInboxBody(values: InboxFormValues, definition: ChannelDefinition | undefined): CreateInboxBody {
  return {
    channel: values.channel,
    name: values.name.trim(),
    ...(values.provider ? { provider: values.provider } : {}),
    settings: settingsBodyOf(values, definition),
  };
}

export interface UpdateInboxBody {
  name: string;
  settings: Record<string, unknown>;
}

// An edit replaces the whole settings object: stored keys the form does not show (set through the API, or kept by a
// channel that stores what it is given) go back untouched.
export function buildUpdateInboxBody(
  values: InboxFormValues,
  definition: ChannelDefinition | undefined,
  stored: Record<string, unknown>,
): UpdateInboxBody {
  const shown = new Set((definition?.fields ?? []).filter((field) => field.group === null).map((field) => field.name));
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !shown.has(key)));
  return { name: values.name.trim(), settings: { ...kept, ...settingsBodyOf(values, definition) } };
}

// The API field names a field answers to: settings.<path>, and the working hours' parts.
export function apiFieldsOf(field: SettingsFormField): string[] {
  const own = `settings.${field.name}`;
  return field.input === 'working-hours' ? [`${own}.timeZone`, `${own}.days`, `${own}.from`, `${own}.to`] : [own];
}

export interface PlacedProblems {
  // By the API field of the input that shows it.
  byField: Record<string, string>;
  // Problems no input answers to, shown above the buttons.
  unplaced: Array<[string, string]>;
}

// Each 400 problem under its input: the field itself, the first input under a named object ("settings.preChat"), or
// the input inside it for a problem named below ("settings.workingHours.days.0"). An old client's top-level
// "callbackUrl" is the API channel's setting.
export function placeProblems(errors: Record<string, string>, inputs: readonly string[]): PlacedProblems {
  const byField: Record<string, string> = {};
  const unplaced: Array<[string, string]> = [];
  for (const [field, message] of Object.entries(errors)) {
    const name = inputs.includes(`settings.${field}`) ? `settings.${field}` : field;
    const target =
      inputs.find((input) => input === name) ??
      inputs.find((input) => input.startsWith(`${name}.`)) ??
      [...inputs].sort((first, second) => second.length - first.length).find((input) => name.startsWith(`${input}.`));
    if (target) byField[target] ??= message;
    else unplaced.push([field, message]);
  }
  return { byField, unplaced };
}

export function fieldErrorsOf(problems: FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) errors[problem.field] ??= problem.message;
  return errors;
}

export function errorFor(errors: Record<string, string>, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

export interface WebhookUrl {
  purpose: string;
  url: string;
}

// The inbox's webhook URLs as the gateway built them from PUBLIC_URL. Providers that sign nothing take the inbox
// secret as ?token=; once it cannot be shown again the URL carries a placeholder where it goes.
export function webhookUrlsOf(
  webhookUrls: ReadonlyArray<{ purpose: string; url: string; needsToken: boolean }>,
  secret: string | null,
): WebhookUrl[] {
  const token = secret === null ? '<secret>' : encodeURIComponent(secret);
  return webhookUrls.map((webhook) => ({
    purpose: webhook.purpose,
    url: webhook.needsToken ? `${webhook.url}${webhook.url.includes('?') ? '&' : '?'}token=${token}` : webhook.url,
  }));
}

export function embedSnippetOf(origin: string, inboxId: string): string {
  return `<script src="${origin.replace(/\/+$/, '')}/widget.js" data-inbox="${inboxId}"></script>`;
}
