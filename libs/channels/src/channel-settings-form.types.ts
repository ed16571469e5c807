import { ChannelKind } from './channel-kind.enum';

// Text an administrator reads, in both interface languages. Arabic follows the policy's vocabulary
// (/work/shared/policy/README.md: صندوق الوارد، المزوّد، المستفيد…).
export interface LocalisedText {
  ar: string;
  en: string;
}

// How the staff app draws one settings field. Derived from the settings DTO's class-validator decorators; a label
// map may override it where the decorators cannot tell (a long text kept short in the DTO).
export type SettingsFieldInput =
  | 'text'
  | 'long-text'
  | 'secret'
  | 'url'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'list'
  | 'time-zone'
  | 'working-hours'
  | 'inbox-reference'
  | 'group';

// What a definition's folder says about one settings field: the words only. Keys of `fields` are paths relative to
// `settings` ("preChat.name"); a nested object's own key labels its group.
export interface SettingsFieldLabels {
  label: LocalisedText;
  help?: LocalisedText;
  // Every value a choice allows (the DTO's @IsIn), labelled.
  options?: Record<string, LocalisedText>;
  // Filled in on a new inbox's form (the Saudi working week, a pre-chat rule).
  initial?: string | number | boolean;
  // For an inbox reference: which kind of this organisation's inboxes it names.
  references?: ChannelKind;
  input?: SettingsFieldInput;
}

export interface ChannelSettingsForm {
  // The provider's (or kind's) name in the form and the inbox list.
  title: LocalisedText;
  // In the order the form shows them; every settings field has an entry and every entry is a settings field
  // (channelDefinitionProblems, channel.registry.spec.ts).
  fields: Record<string, SettingsFieldLabels>;
  // Where the administrator pastes each webhook URL, by the route's `pastedAs`.
  webhookLabels?: Record<string, LocalisedText>;
  // A line under the fields (a paired phone's QR code comes after creation).
  note?: LocalisedText;
}

// One field of the form as the staff API describes it (GET /api/v1/channel-definitions).
export interface SettingsFormField {
  name: string;
  input: SettingsFieldInput;
  // Needed for the inbox to be created: false inside an optional group, or when another field can stand in.
  required: boolean;
  // The group (a nested settings object) it belongs to, null at the top.
  group: string | null;
  label: LocalisedText;
  help: LocalisedText | null;
  options: Array<{ value: string; label: LocalisedText }> | null;
  references: ChannelKind | null;
  initial: string | number | boolean | null;
  maxLength: number | null;
  minimum: number | null;
  maximum: number | null;
  // Credentials: never returned, so never filled on edit (left blank, the sealed one is kept).
  writeOnly: boolean;
}
