import { ChannelKind, ChannelDefinitionView, SettingsFormField } from '@app/channels';
import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web app's generated client); never instantiated.

export class LocalisedTextResponse {
  @ApiProperty({ example: 'اسم المرسل' }) ar: string;
  @ApiProperty({ example: 'Sender name' }) en: string;
}

export class SettingsFieldOptionResponse {
  @ApiProperty() value: string;
  @ApiProperty({ type: LocalisedTextResponse }) label: LocalisedTextResponse;
}

const INPUTS = [
  'text',
  'long-text',
  'secret',
  'url',
  'number',
  'boolean',
  'choice',
  'list',
  'time-zone',
  'working-hours',
  'inbox-reference',
  'group',
];

export class SettingsFormFieldResponse implements SettingsFormField {
  @ApiProperty({ description: 'Path under settings, such as preChat.name; a 400 names it settings.<name>', example: 'userSender' })
  name: string;
  @ApiProperty({ enum: INPUTS, enumName: 'SettingsFieldInput' }) input: SettingsFormField['input'];
  @ApiProperty({ description: 'Needed for the inbox to be created' }) required: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The group (a nested settings object) it belongs to' }) group: string | null;
  @ApiProperty({ type: LocalisedTextResponse }) label: LocalisedTextResponse;
  @ApiProperty({ type: LocalisedTextResponse, nullable: true }) help: LocalisedTextResponse | null;
  @ApiProperty({ type: [SettingsFieldOptionResponse], nullable: true, description: 'The values a choice allows' })
  options: SettingsFieldOptionResponse[] | null;
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind', nullable: true, description: 'The kind of inbox an inbox reference names' })
  references: ChannelKind | null;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
    nullable: true,
    description: 'Filled in on a new inbox',
  })
  initial: string | number | boolean | null;
  @ApiProperty({ type: Number, nullable: true }) maxLength: number | null;
  @ApiProperty({ type: Number, nullable: true }) minimum: number | null;
  @ApiProperty({ type: Number, nullable: true }) maximum: number | null;
  @ApiProperty({ description: 'A credential: never returned, so never filled in on edit (left blank, the sealed one is kept)' })
  writeOnly: boolean;
}

export class ChannelDefinitionWebhookResponse {
  @ApiProperty({ example: 'taqnyatSms', description: 'The key of the inbox’s webhookUrls entry' }) purpose: string;
  @ApiProperty({ type: LocalisedTextResponse, description: "Where the administrator pastes it in the provider's console" })
  label: LocalisedTextResponse;
  @ApiProperty({ example: 'https://wasl.example.org/webhooks/taqnyat/{inboxId}/sms', description: 'Built from PUBLIC_URL' })
  urlPattern: string;
  @ApiProperty({ description: 'Append ?token=<the inbox secret>: the provider signs nothing' }) needsToken: boolean;
}

export class AttachmentRuleResponse {
  @ApiProperty({ type: [String], example: ['image/jpeg', 'application/pdf'] }) contentTypes: string[];
  @ApiProperty() maxCount: number;
  @ApiProperty() maxBytes: number;
  @ApiProperty() maxTotalBytes: number;
  @ApiProperty({ type: Number, nullable: true }) maxCaptionLength: number | null;
  @ApiProperty() note: string;
}

export class OutreachRuleResponse {
  @ApiProperty({ enum: ['send', 'record'] }) mode: 'send' | 'record';
  @ApiProperty({ enum: ['phone', 'email'], required: false }) recipient?: 'phone' | 'email';
}

export class ChannelDefinitionResponse implements ChannelDefinitionView {
  @ApiProperty({ enum: ChannelKind, enumName: 'ChannelKind' }) kind: ChannelKind;
  @ApiProperty({ type: String, nullable: true, example: 'msegat' }) provider: string | null;
  @ApiProperty({ type: LocalisedTextResponse }) title: LocalisedTextResponse;
  @ApiProperty({ type: [SettingsFormFieldResponse], description: 'The settings form, in order' }) fields: SettingsFormFieldResponse[];
  @ApiProperty({ type: LocalisedTextResponse, nullable: true, description: 'A line under the fields' }) note: LocalisedTextResponse | null;
  @ApiProperty({ type: [ChannelDefinitionWebhookResponse], nullable: true, description: 'null: no webhooks' })
  webhooks: ChannelDefinitionWebhookResponse[] | null;
  @ApiProperty({ description: 'Wasl registers its webhook with the provider itself (nothing to paste)' }) registersWebhook: boolean;
  @ApiProperty({ type: AttachmentRuleResponse, nullable: true, description: 'Files a reply may carry; null for none' })
  attachments: AttachmentRuleResponse | null;
  @ApiProperty({ type: OutreachRuleResponse, nullable: true, description: 'Whether staff may start a conversation here' })
  outreach: ChannelDefinitionView['outreach'];
  @ApiProperty({ description: 'A live session paired from the staff app (a phone’s QR code)' }) session: boolean;
}
