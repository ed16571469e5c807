import { PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SocialChannel, SocialInboxValues, WHATSAPP_PROVIDERS, WhatsAppProvider } from './social-inbox-form.util';

interface SocialInboxFieldsProps {
  channel: SocialChannel;
  values: SocialInboxValues;
  onChange: (values: SocialInboxValues) => void;
  problem: (apiField: string) => ReactNode;
}

// What the administrator copies from the Meta app, BotFather, or nothing at all for a paired phone (its QR code is
// shown once the inbox exists).
export function SocialInboxFields({ channel, values, onChange, problem }: SocialInboxFieldsProps) {
  const { t } = useTranslation();
  const field = (key: keyof SocialInboxValues, apiField: string, label: string, options: { required?: boolean; secret?: boolean } = {}) => {
    const Input = options.secret ? PasswordInput : TextInput;
    return (
      <Input
        label={label}
        value={values[key]}
        onChange={(event) => onChange({ ...values, [key]: event.currentTarget.value })}
        error={problem(apiField)}
        required={options.required}
        dir="ltr"
        name={apiField}
      />
    );
  };
  const meta = (
    <>
      {field('appSecret', 'settings.appSecret', t('admin.social.appSecret'), { required: true, secret: true })}
      {field('verifyToken', 'settings.verifyToken', t('admin.social.verifyToken'), { required: true, secret: true })}
      {field('graphBaseUrl', 'settings.apiBaseUrl', t('admin.inboxes.apiBaseUrl'))}
    </>
  );
  return (
    <>
      {channel === 'whatsapp' && (
        <Select
          label={t('admin.inboxes.provider')}
          data={WHATSAPP_PROVIDERS.map((provider) => ({ value: provider, label: t(`admin.social.providers.${provider}`) }))}
          value={values.whatsAppProvider}
          onChange={(provider) => provider && onChange({ ...values, whatsAppProvider: provider as WhatsAppProvider })}
          allowDeselect={false}
          error={problem('provider')}
        />
      )}
      {channel === 'whatsapp' && values.whatsAppProvider === 'cloud' && (
        <>
          {field('phoneNumberId', 'settings.phoneNumberId', t('admin.social.phoneNumberId'), { required: true })}
          {field('wabaId', 'settings.wabaId', t('admin.social.wabaId'), { required: true })}
          {field('accessToken', 'settings.accessToken', t('admin.social.accessToken'), { required: true, secret: true })}
          {meta}
        </>
      )}
      {channel === 'whatsapp' && values.whatsAppProvider === 'web' && (
        <>
          {field('messagesPerMinute', 'settings.messagesPerMinute', t('admin.social.messagesPerMinute'))}
          <Text size="xs" c="dimmed">
            {t('admin.social.pairAfterCreation')}
          </Text>
        </>
      )}
      {(channel === 'messenger' || channel === 'instagram') && (
        <>
          {field('accountId', 'settings.accountId', t(`admin.social.accountId.${channel}`), { required: true })}
          {field('pageAccessToken', 'settings.pageAccessToken', t('admin.social.pageAccessToken'), { required: true, secret: true })}
          {meta}
        </>
      )}
      {channel === 'telegram' && (
        <>
          {field('botToken', 'settings.botToken', t('admin.social.botToken'), { required: true, secret: true })}
          {field('graphBaseUrl', 'settings.apiBaseUrl', t('admin.inboxes.apiBaseUrl'))}
        </>
      )}
      {!(channel === 'whatsapp' && values.whatsAppProvider === 'web') && (
        <Text size="xs" c="dimmed">
          {t('admin.inboxes.secretsSealed')}
        </Text>
      )}
    </>
  );
}
