import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title, Text } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/api-client';
import { setSession, useSessionNotice } from '../session/session-store';
import { switchLanguage } from '../i18n/i18n';
import { LanguageSwitch } from '../shared/language-switch';

function loginError(error: unknown): { key: string; seconds?: number } {
  if (error instanceof ApiError && error.status === 401) return { key: 'login.wrongCredentials' };
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
    return { key: 'login.throttledFor', seconds: error.retryAfterSeconds };
  }
  if (error instanceof ApiError && error.status === 429) return { key: 'login.throttled' };
  return { key: 'login.failed' };
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<{ key: string; seconds?: number } | null>(null);
  const [pending, setPending] = useState(false);
  const notice = useSessionNotice();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(null);
    try {
      const session = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));
      // The language the user chose on the server wins over this browser's last choice.
      if (session.user.locale && session.user.locale !== i18n.language) await switchLanguage(session.user.locale);
      setSession(session);
    } catch (error) {
      setFailure(loginError(error));
      setPending(false);
    }
  }

  return (
    <main className="login-page">
      <Paper component="form" onSubmit={submit} className="login-card" shadow="sm" p="xl" withBorder>
        <Stack>
          <div className="login-heading">
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <LanguageSwitch />
          </div>
          <Text c="dimmed">{t('app.tagline')}</Text>
          <Title order={2} size="h4">
            {t('login.title')}
          </Title>
          {notice && !failure && (
            <Alert color="teal" role="status">
              {t(`login.notices.${notice}`)}
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {t(failure.key, { seconds: failure.seconds?.toLocaleString(i18n.language === 'ar' ? 'ar-SA' : 'en-GB') })}
            </Alert>
          )}
          <TextInput
            label={t('login.email')}
            type="email"
            dir="ltr"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={pending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </main>
  );
}
