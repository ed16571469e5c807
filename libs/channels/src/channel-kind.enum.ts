// Values are stored on every inbox and conversation row.
export enum ChannelKind {
  Api = 'api',
  WebChat = 'webchat',
  Sms = 'sms',
  Voice = 'voice',
  WhatsApp = 'whatsapp',
  Email = 'email',
  WalkIn = 'walk_in',
}
