import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'ar' ? 'en' : 'ar';
  return (
    <Button variant="subtle" size="compact-sm" lang={other} onClick={() => void switchLanguage(other)} title={t('language.label')}>
      {t('language.switchTo')}
    </Button>
  );
}
