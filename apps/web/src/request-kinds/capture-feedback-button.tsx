import { Alert, Button, Group, Modal, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/api-client';

// Arabic and English words for the button, which sits in the conversation pane (outside the kinds chunk).
const WORDS = {
  ar: {
    capture: 'مقترح أو شكوى',
    title: 'تسجيل مقترح أو شكوى من هذه المحادثة',
    suggestion: 'مقترح',
    complaint: 'شكوى',
    details: 'التفاصيل',
    tags: 'الوسوم (مفصولة بمسافات)',
    save: 'تسجيل',
    saved: 'سُجّل، ويظهر في قائمة المشرف.',
    failed: 'تعذّر التسجيل.',
    close: 'إغلاق',
  },
  en: {
    capture: 'Suggestion or complaint',
    title: 'Record a suggestion or complaint from this conversation',
    suggestion: 'Suggestion',
    complaint: 'Complaint',
    details: 'Details',
    tags: 'Tags (separated by spaces)',
    save: 'Record',
    saved: 'Recorded; it is in the supervisor’s queue.',
    failed: 'It could not be recorded.',
    close: 'Close',
  },
};

// One click in a conversation: the beneficiary's suggestion or complaint, linked to it, into the supervisor's queue.
export function CaptureFeedbackButton({ conversationId }: { conversationId: string }) {
  const { i18n } = useTranslation();
  const words = WORDS[i18n.language === 'en' ? 'en' : 'ar'];
  const [opened, setOpened] = useState(false);
  const [feedbackType, setFeedbackType] = useState<'suggestion' | 'complaint'>('complaint');
  const [details, setDetails] = useState('');
  const [tags, setTags] = useState('');
  const capture = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/kind-requests/feedback', {
          body: { conversationId, feedbackType, details, tags: tags.split(/\s+/).filter(Boolean) },
        }),
      ),
  });
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpened(true)}>
        {words.capture}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={words.title} centered closeButtonProps={{ 'aria-label': words.close }}>
        <Stack gap="sm">
          <SegmentedControl
            value={feedbackType}
            onChange={(value) => setFeedbackType(value as 'suggestion' | 'complaint')}
            data={[
              { value: 'complaint', label: words.complaint },
              { value: 'suggestion', label: words.suggestion },
            ]}
          />
          <Textarea
            label={words.details}
            value={details}
            onChange={(event) => setDetails(event.currentTarget.value)}
            autosize
            minRows={3}
            dir="auto"
            required
          />
          <TextInput label={words.tags} value={tags} onChange={(event) => setTags(event.currentTarget.value)} dir="auto" />
          {capture.isSuccess && <Alert color="teal">{words.saved}</Alert>}
          {capture.isError && <Alert color="red">{words.failed}</Alert>}
          <Group justify="flex-end">
            <Button disabled={!details.trim() || capture.isSuccess} loading={capture.isPending} onClick={() => capture.mutate()}>
              {words.save}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
