import { ChannelDefinition } from '../channel-definition';
import { ChannelKind } from '../channel-kind.enum';
import { NO_SEND_RULES } from '../send-rules.constant';
import { WalkInSettingsDto } from './walk-in-settings.dto';
import { WALK_IN_SETTINGS_FORM } from './walk-in-settings-form.constant';

// المقابلة: a beneficiary received in person. Officers record the visit as a conversation on this inbox; nothing
// arrives by webhook and nothing can be sent, so a written answer goes out on another of the person's channels.
export const WALK_IN_CHANNEL: ChannelDefinition<WalkInSettingsDto> = {
  kind: ChannelKind.WalkIn,
  provider: null,
  title: 'Walk-in visits',
  settings: WalkInSettingsDto,
  form: WALK_IN_SETTINGS_FORM,
  secretFields: [],
  // The officer saw the person; what they were told is the officer's record, not a channel's assertion.
  asserts: [],
  webhooks: null,
  outbound: null,
  sendRules: NO_SEND_RULES,
  // Nothing is sent: a visit is recorded. Files belong in a private note.
  attachments: null,
  receiverDeduplicates: false,
  // Logging a visit opens the conversation with the officer's account of it, as a note.
  outreach: { mode: 'record' },
};
