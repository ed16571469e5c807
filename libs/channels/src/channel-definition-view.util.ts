import { OutreachRule } from './channel-definition';
import { ChannelKind } from './channel-kind.enum';
import { LocalisedText, SettingsFormField } from './channel-settings-form.types';
import { settingsFormFields } from './channel-settings-form.util';
import { allChannelDefinitions } from './channel.registry';
import { inboxWebhookUrls } from './webhooks/webhook-url.util';

export const INBOX_ID_PLACEHOLDER = '{inboxId}';

export interface ChannelDefinitionWebhookView {
  purpose: string;
  label: LocalisedText;
  // The URL with {inboxId} where the inbox's id goes; each inbox's own URLs are in its webhookUrls.
  urlPattern: string;
  needsToken: boolean;
}

// What the staff app knows of a channel: everything its inbox form and panels need, nothing that runs.
export interface ChannelDefinitionView {
  kind: ChannelKind;
  provider: string | null;
  title: LocalisedText;
  fields: SettingsFormField[];
  note: LocalisedText | null;
  webhooks: ChannelDefinitionWebhookView[] | null;
  // Wasl registers the webhook with the provider itself (Telegram's setWebhook): nothing to paste.
  registersWebhook: boolean;
  attachments: {
    contentTypes: string[];
    maxCount: number;
    maxBytes: number;
    maxTotalBytes: number;
    maxCaptionLength: number | null;
    note: string;
  } | null;
  outreach: OutreachRule | null;
  // A live session paired from the staff app (a phone's QR code) rather than credentials typed in.
  session: boolean;
}

// Every definition as GET /api/v1/channel-definitions answers it, webhook URLs built by the one helper from PUBLIC_URL.
export function channelDefinitionViews(publicUrl: string): ChannelDefinitionView[] {
  return allChannelDefinitions().map((definition) => {
    const labels = definition.form.webhookLabels ?? {};
    const rule = definition.attachments;
    return {
      kind: definition.kind,
      provider: definition.provider,
      title: definition.form.title,
      fields: settingsFormFields(definition),
      note: definition.form.note ?? null,
      webhooks: definition.webhooks
        ? inboxWebhookUrls(publicUrl, definition, INBOX_ID_PLACEHOLDER).map((webhook) => ({
            purpose: webhook.purpose,
            label: labels[webhook.purpose],
            urlPattern: webhook.url,
            needsToken: webhook.needsToken,
          }))
        : null,
      registersWebhook: typeof definition.setUp === 'function',
      attachments: rule
        ? {
            contentTypes: [...rule.contentTypes],
            maxCount: rule.maxCount,
            maxBytes: rule.maxBytes,
            maxTotalBytes: rule.maxTotalBytes,
            maxCaptionLength: rule.maxCaptionLength ?? null,
            note: rule.note,
          }
        : null,
      outreach: definition.outreach,
      session: definition.session !== undefined,
    };
  });
}
