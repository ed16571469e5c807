import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';

export type CannedReply = components['schemas']['CannedReplyResponse'];

export const PICKER_ID = 'canned-reply-picker';
export const optionId = (index: number) => `${PICKER_ID}-option-${index}`;

// How the picker compares what was typed after «/» with shortcuts and titles: the hamza forms, ta marbuta and alef
// maqsura as the server's search forgives them.
function looseForm(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي')
    .replace(/^\//u, '');
}

export function matchingReplies(replies: CannedReply[], query: string, limit = 8): CannedReply[] {
  const typed = looseForm(query);
  const byShortcut = replies.filter((reply) => looseForm(reply.shortcut).startsWith(typed));
  const byTitle = replies.filter((reply) => !byShortcut.includes(reply) && looseForm(reply.title).includes(typed));
  return [...byShortcut, ...byTitle].slice(0, limit);
}

interface CannedReplyPickerProps {
  replies: CannedReply[];
  active: number;
  language: 'ar' | 'en';
  onLanguage: (language: 'ar' | 'en') => void;
  onPick: (reply: CannedReply) => void;
}

// The list under «/»: the text field keeps the focus (arrows, Enter, Escape are handled there), so every click here
// keeps it too.
export function CannedReplyPicker({ replies, active, language, onLanguage, onPick }: CannedReplyPickerProps) {
  const { t } = useTranslation();
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  return (
    <div className="canned-reply-picker">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          {t('composerTools.repliesHint')}
        </Text>
        <Group gap={4} role="group" aria-label={t('cannedReplies.title')}>
          {(['ar', 'en'] as const).map((choice) => (
            <UnstyledButton
              key={choice}
              className="canned-reply-language"
              data-active={language === choice || undefined}
              aria-pressed={language === choice}
              onMouseDown={keepFocus}
              onClick={() => onLanguage(choice)}
            >
              {choice === 'ar' ? t('composerTools.arabic') : t('composerTools.english')}
            </UnstyledButton>
          ))}
        </Group>
      </Group>
      {replies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('composerTools.noReplies')}
        </Text>
      ) : (
        <div role="listbox" id={PICKER_ID} aria-label={t('composerTools.repliesLabel')}>
          {replies.map((reply, index) => (
            <div
              key={reply.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="canned-reply-option"
              onMouseDown={keepFocus}
              onClick={() => onPick(reply)}
            >
              <bdi className="canned-reply-shortcut">{reply.shortcut}</bdi>
              <Text span size="sm" fw={500}>
                <bdi>{reply.title}</bdi>
              </Text>
              <Text span size="xs" c="dimmed" dir="auto" className="canned-reply-body" lineClamp={1}>
                {language === 'en' && reply.bodyEn ? reply.bodyEn : reply.bodyAr}
              </Text>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
