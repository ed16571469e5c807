// The create-inbox form's fields for WhatsApp (Cloud API or a paired phone), Messenger, Instagram and Telegram, and
// the settings each sends, as the API's channel definitions take them.
export type SocialChannel = 'whatsapp' | 'messenger' | 'instagram' | 'telegram';
export type WhatsAppProvider = 'cloud' | 'web';

export const SOCIAL_CHANNELS: SocialChannel[] = ['whatsapp', 'messenger', 'instagram', 'telegram'];
export const WHATSAPP_PROVIDERS: WhatsAppProvider[] = ['cloud', 'web'];

export interface SocialInboxValues {
  whatsAppProvider: WhatsAppProvider;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  accountId: string;
  pageAccessToken: string;
  botToken: string;
  messagesPerMinute: string;
  graphBaseUrl: string;
}

export function emptySocialInbox(): SocialInboxValues {
  return {
    whatsAppProvider: 'cloud',
    phoneNumberId: '',
    wabaId: '',
    accessToken: '',
    appSecret: '',
    verifyToken: '',
    accountId: '',
    pageAccessToken: '',
    botToken: '',
    messagesPerMinute: '',
    graphBaseUrl: '',
  };
}

export function isSocialChannel(channel: string): channel is SocialChannel {
  return (SOCIAL_CHANNELS as string[]).includes(channel);
}

function withoutBlanks(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== '' && value !== undefined));
}

export function socialInboxBody(channel: SocialChannel, name: string, values: SocialInboxValues) {
  const apiBaseUrl = values.graphBaseUrl.trim();
  switch (channel) {
    case 'whatsapp':
      return values.whatsAppProvider === 'web'
        ? {
            channel,
            name,
            provider: 'web',
            settings: withoutBlanks({ messagesPerMinute: values.messagesPerMinute.trim() ? Number(values.messagesPerMinute) : undefined }),
          }
        : {
            channel,
            name,
            provider: 'cloud',
            settings: withoutBlanks({
              phoneNumberId: values.phoneNumberId.trim(),
              wabaId: values.wabaId.trim(),
              accessToken: values.accessToken.trim(),
              appSecret: values.appSecret.trim(),
              verifyToken: values.verifyToken.trim(),
              apiBaseUrl,
            }),
          };
    case 'messenger':
    case 'instagram':
      return {
        channel,
        name,
        settings: withoutBlanks({
          accountId: values.accountId.trim(),
          pageAccessToken: values.pageAccessToken.trim(),
          appSecret: values.appSecret.trim(),
          verifyToken: values.verifyToken.trim(),
          apiBaseUrl,
        }),
      };
    case 'telegram':
      return { channel, name, settings: withoutBlanks({ botToken: values.botToken.trim(), apiBaseUrl }) };
  }
}
