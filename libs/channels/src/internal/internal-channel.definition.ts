import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { NO_SEND_RULES } from '../send-rules.constant';
import { INTERNAL_SETTINGS_FORM } from './internal-settings-form.constant';
import { InternalSettingsDto } from './internal-settings.dto';

// The policy's internal beneficiary: one department's request to another. Both sides are staff, so nothing arrives
// by webhook and nothing is sent out; they write to each other as notes on the conversation, which the requester and
// the receiving team both follow in the inbox.
export const INTERNAL_CHANNEL: ChannelDefinition<InternalSettingsDto> = {
  kind: ChannelKind.Internal,
  provider: null,
  title: 'Internal requests between departments',
  settings: InternalSettingsDto,
  form: INTERNAL_SETTINGS_FORM,
  secretFields: [],
  // The requester is a signed-in staff member, not a sender a channel vouches for.
  asserts: [],
  webhooks: null,
  outbound: null,
  sendRules: NO_SEND_RULES,
  attachments: null,
  receiverDeduplicates: false,
  // Opened by the internal-requests API, never by outreach.
  outreach: null,
};
