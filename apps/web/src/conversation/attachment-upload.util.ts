import { ApiError, FieldProblem } from '../api/api-client';
import type { components } from '../api/schema';
import { currentSession } from '../session/session-store';

export type AttachmentUpload = components['schemas']['AttachmentUploadResponse'];
export type AttachmentRule = components['schemas']['AttachmentRuleResponse'];

// A file for a reply or a note is the body itself (the typed client sends JSON), its name percent-encoded in
// X-File-Name; the session cookie goes along, and the CSRF token with it. The server tells the type by its bytes.
export async function uploadReplyAttachment(conversationId: string, file: File): Promise<AttachmentUpload> {
  const response = await fetch(`/api/v1/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': currentSession()?.csrfToken ?? '',
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as AttachmentUpload & { code?: string; message?: string; fields?: FieldProblem[] };
  if (!response.ok) throw new ApiError(response.status, body.code, body.message ?? response.statusText, null, body.fields ?? []);
  return body;
}
