import type { TFunction } from 'i18next';
import { UiLanguage } from '../shared/date-format.util';
import { formatInteger } from '../shared/number-format.util';
import { quoteOf } from './composer-text.util';

export interface PassageSource {
  text: string;
  documentTitle: string;
  heading: string | null;
  page: number | null;
}

export function pageLabel(page: number | null, t: TFunction, language: UiLanguage): string | null {
  return page === null ? null : t('knowledge.page', { page: formatInteger(page, language) });
}

// The passage as the officer pastes it into a reply, in the interface's words for "source" and "page".
export function quotedPassage(passage: PassageSource, t: TFunction, language: UiLanguage): string {
  return quoteOf(
    { text: passage.text, documentTitle: passage.documentTitle, heading: passage.heading, page: pageLabel(passage.page, t, language) },
    { source: t('knowledge.source'), separator: t('knowledge.separator') },
  );
}
