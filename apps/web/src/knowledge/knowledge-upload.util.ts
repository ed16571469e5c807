import { ApiError, FieldProblem } from '../api/api-client';
import type { components } from '../api/schema';
import { currentSession } from '../session/session-store';

export type KnowledgeDocument = components['schemas']['KnowledgeDocumentResponse'];

export interface UploadFields {
  title: string;
  kind: string;
  readerRoles: string[];
}

// An upload is the file itself as the body (the typed client sends JSON), with its fields in the query string and
// its name in X-File-Name; the session cookie goes along, and the CSRF token with it.
export async function uploadKnowledgeDocument(file: File, fields: UploadFields): Promise<KnowledgeDocument> {
  const query = new URLSearchParams({ title: fields.title.trim(), kind: fields.kind });
  if (fields.readerRoles.length > 0) query.set('readerRoles', fields.readerRoles.join(','));
  const response = await fetch(`/api/v1/knowledge/documents?${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': currentSession()?.csrfToken ?? '',
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as KnowledgeDocument & {
    code?: string;
    message?: string;
    fields?: FieldProblem[];
  };
  if (!response.ok) throw new ApiError(response.status, body.code, body.message ?? response.statusText, null, body.fields ?? []);
  return body;
}
