import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar.catalogue';
import { en } from './en.catalogue';

export type WaslLanguage = 'ar' | 'en';
const LANGUAGE_KEY = 'wasl.language';

export function storedLanguage(): WaslLanguage {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ar';
}

export function directionOf(language: WaslLanguage): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

// The <html> element carries the language and direction, so the browser's own controls, fonts and
// logical CSS properties follow the switch.
function applyToDocument(language: WaslLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export async function initialiseI18n(): Promise<void> {
  const language = storedLanguage();
  applyToDocument(language);
  await i18next.use(initReactI18next).init({
    resources: { ar: { translation: ar }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ar',
    // React already escapes text; i18next escaping would show entities in beneficiaries' names.
    interpolation: { escapeValue: false },
  });
}

export async function switchLanguage(language: WaslLanguage): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, language);
  applyToDocument(language);
  await i18next.changeLanguage(language);
}
