// Drafts survive switching conversations and reloads; one key per conversation, removed once sent.
const DRAFT_PREFIX = 'wasl.draft.';

export function readDraft(conversationId: string): string {
  return localStorage.getItem(DRAFT_PREFIX + conversationId) ?? '';
}

export function writeDraft(conversationId: string, text: string): void {
  if (text) localStorage.setItem(DRAFT_PREFIX + conversationId, text);
  else localStorage.removeItem(DRAFT_PREFIX + conversationId);
}
