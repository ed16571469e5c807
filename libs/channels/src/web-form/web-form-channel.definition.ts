import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { NO_SEND_RULES } from '../send-rules.constant';
import { WEB_FORM_SETTINGS_FORM } from './web-form-settings-form.constant';
import { WebFormSettingsDto } from './web-form-settings.dto';

// A public form on the association's site (a volunteering application, a suggestion or complaint). The submission
// opens the conversation; the form cannot carry an answer back, so replies go out on another of the person's channels
// (Wasl's notices through OutreachService.sendToContact).
export const WEB_FORM_CHANNEL: ChannelDefinition<WebFormSettingsDto> = {
  kind: ChannelKind.WebForm,
  provider: null,
  title: 'Public web forms',
  settings: WebFormSettingsDto,
  form: WEB_FORM_SETTINGS_FORM,
  secretFields: [],
  // A name and number typed into a form are claims (docs/architecture.md, "Who a sender is").
  asserts: [],
  webhooks: null,
  outbound: null,
  sendRules: NO_SEND_RULES,
  attachments: null,
  receiverDeduplicates: false,
  outreach: null,
};
