// Values are stored on every inbox and conversation row. A kind is added with its definitions in CHANNELS
// (channel.registry.ts); the Record type there makes a kind without one a compile error.
export enum ChannelKind {
  Api = 'api',
  WebChat = 'webchat',
  Sms = 'sms',
  Voice = 'voice',
  WalkIn = 'walk_in',
  // A WhatsApp number: Meta's Cloud API (`cloud`) or a paired phone through whatsapp-web.js (`web`).
  WhatsApp = 'whatsapp',
  Telegram = 'telegram',
  Messenger = 'messenger',
  Instagram = 'instagram',
  // One department's request to another (the policy's internal beneficiary).
  Internal = 'internal',
  // The association's public volunteering and feedback forms.
  WebForm = 'web_form',
}
