import './knowledge.css';
import { Group, Popover, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';
import { UiLanguage } from '../shared/date-format.util';
import { CannedReply, CannedReplyPicker, matchingReplies, optionId, PICKER_ID } from './canned-reply-picker';
import { hasBlank, insertAt, replyEdit, slashQuery, TextEdit } from './composer-text.util';
import { quotedPassage } from './knowledge-anchor.util';
import { KnowledgeHit, KnowledgeSearchPopover } from './knowledge-search-popover';

export { hasBlank as hasUnfilledBlank } from './composer-text.util';

const VARIABLE_KEYS: Record<string, string> = {
  'contact.name': 'contactName',
  'conversation.number': 'conversationNumber',
  'request.number': 'requestNumber',
  'decision.date': 'decisionDate',
  'officer.name': 'officerName',
};

interface ComposerToolsProps {
  conversationId: string;
  field: RefObject<HTMLTextAreaElement | null>;
  text: string;
  onTextChange: (text: string) => void;
}

// The officer's tools in the composer: Ctrl+K (or the button) searches the knowledge base and quotes a passage at
// the cursor; «/» at the start of the reply picks a canned reply, filled in by the server for this conversation.
export function ComposerTools({ conversationId, field, text, onTextChange }: ComposerToolsProps) {
  const { t, i18n } = useTranslation();
  const [searchOpen, setSearchOpen] = useState(false);
  const selection = useRef({ start: 0, end: 0 });
  const query = slashQuery(text);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const pickerOpen = query !== null && dismissedFor !== text;
  const [active, setActive] = useState(0);
  const [language, setLanguage] = useState<'ar' | 'en'>('ar');
  const [missing, setMissing] = useState<string[]>([]);
  const replies = useQuery({
    queryKey: ['canned-replies'],
    queryFn: () => unwrap(api.GET('/api/v1/canned-replies')),
    enabled: pickerOpen,
    staleTime: 30_000,
  });
  const matches = useMemo(
    () => (pickerOpen && replies.data ? matchingReplies(replies.data, query ?? '') : []),
    [pickerOpen, replies.data, query],
  );

  // The cursor is placed once the field shows the new text: set earlier, React's update of the value would move it
  // to the end.
  const pendingEdit = useRef<TextEdit | null>(null);
  const apply = (edit: TextEdit) => {
    pendingEdit.current = edit;
    onTextChange(edit.text);
  };
  useLayoutEffect(() => {
    const edit = pendingEdit.current;
    const element = field.current;
    if (!edit || !element || element.value !== edit.text) return;
    pendingEdit.current = null;
    element.focus();
    element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
  }, [text, field]);

  const insertReply = useMutation({
    mutationFn: (reply: CannedReply) =>
      unwrap(
        api.GET('/api/v1/conversations/{id}/canned-replies/{cannedReplyId}', {
          params: { path: { id: conversationId, cannedReplyId: reply.id }, query: { language } },
        }),
      ),
    onSuccess: (rendered) => {
      setMissing(rendered.missing);
      apply(replyEdit(rendered.text));
    },
  });

  const openSearch = () => {
    const element = field.current;
    selection.current = { start: element?.selectionStart ?? text.length, end: element?.selectionEnd ?? text.length };
    setSearchOpen(true);
  };

  const quote = (hit: KnowledgeHit) => {
    setSearchOpen(false);
    apply(insertAt(text, selection.current.start, selection.current.end, quotedPassage(hit, t, i18n.language as UiLanguage)));
  };

  useEffect(() => setActive(0), [query]);

  // Keys typed in the composer's field: listened to on the element itself, so they are handled before the
  // composer's own keys (Escape leaves the field, Ctrl+Enter sends) and can stop them.
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && (event.code === 'KeyK' || event.key.toLowerCase() === 'k')) {
        event.preventDefault();
        event.stopPropagation();
        openSearch();
        return;
      }
      if (!pickerOpen) return;
      const take = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      if (event.key === 'ArrowDown' && matches.length > 0) {
        take();
        setActive((current) => (current + 1) % matches.length);
      } else if (event.key === 'ArrowUp' && matches.length > 0) {
        take();
        setActive((current) => (current - 1 + matches.length) % matches.length);
      } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        if (matches[active]) {
          take();
          insertReply.mutate(matches[active]);
        }
      } else if (event.key === 'Escape') {
        take();
        setDismissedFor(text);
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  });

  // The field points at the picker and its highlighted reply while the list is open (a text box may name its
  // active descendant).
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    if (pickerOpen && matches.length > 0) {
      element.setAttribute('aria-controls', PICKER_ID);
      element.setAttribute('aria-activedescendant', optionId(active));
    } else {
      element.removeAttribute('aria-controls');
      element.removeAttribute('aria-activedescendant');
    }
  }, [field, pickerOpen, matches.length, active]);

  const blanks = hasBlank(text);
  const missingNames = missing.map((name) => t(`cannedReplies.variableNames.${VARIABLE_KEYS[name]}`)).join(t('knowledge.separator'));
  return (
    <div className="composer-tools">
      <Popover opened={pickerOpen} position="top-start" width={480} shadow="md" withinPortal withRoles={false}>
        <Popover.Target>
          <Group gap="xs" wrap="nowrap">
            <KnowledgeSearchPopover opened={searchOpen} onOpen={openSearch} onClose={() => setSearchOpen(false)} onQuote={quote} />
            <Text size="xs" c="dimmed" visibleFrom="md">
              {t('composerTools.repliesHint')}
            </Text>
          </Group>
        </Popover.Target>
        <Popover.Dropdown>
          <CannedReplyPicker
            replies={matches}
            active={active}
            language={language}
            onLanguage={setLanguage}
            onPick={(reply) => insertReply.mutate(reply)}
          />
        </Popover.Dropdown>
      </Popover>
      {blanks && (
        <Text size="xs" className="composer-blanks" role="status">
          {t('composerTools.fillBlanks', { names: missingNames })}
        </Text>
      )}
      {insertReply.isError && (
        <Text size="xs" c="red.9" role="alert">
          {t('composerTools.insertFailed')}
        </Text>
      )}
    </div>
  );
}
