import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { switchLanguage, WaslLanguage } from '../i18n/i18n';

// Signed in, the choice is kept on the user (applied at their next login in any browser); before login, in this
// browser only.
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { t, i18n } = useTranslation();
  const other: WaslLanguage = i18n.language === 'ar' ? 'en' : 'ar';
  const choose = async () => {
    await switchLanguage(other);
    if (signedIn) await api.PATCH('/api/v1/auth/me', { body: { locale: other } }).catch(() => undefined);
  };
  return (
    <Button variant="subtle" size="compact-sm" lang={other} onClick={() => void choose()} title={t('language.label')}>
      {t('language.switchTo')}
    </Button>
  );
}
