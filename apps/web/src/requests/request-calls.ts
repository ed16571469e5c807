import { api, ApiError, unwrap } from '../api/api-client';
import { currentSession } from '../session/session-store';
import type { SupportRequest } from './request-api.types';

const path = (id: string) => ({ params: { path: { id } } });

// Every action of the request's page through the typed client; each answers with the request as it is now.
export const requestCalls = {
  claim: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/claim', path(id))),
  requestMissing: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/request-missing', path(id))),
  refer: (id: string, body: { researcherId: string; note?: string }) =>
    unwrap(api.POST('/api/v1/requests/{id}/referral', { ...path(id), body })),
  accept: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/referral/accept', path(id))),
  returnReferral: async (id: string, body: { reason: string }) => {
    const { error, response } = await api.POST('/api/v1/requests/{id}/referral/return', { ...path(id), body });
    if (!response.ok) {
      const problem = (error ?? {}) as { code?: string; message?: string; fields?: ApiError['fields'] };
      throw new ApiError(response.status, problem.code, problem.message ?? response.statusText, null, problem.fields ?? []);
    }
  },
  findings: (id: string, body: { homeVisitDate: string; findings: string; recommendation: string }) =>
    unwrap(api.POST('/api/v1/requests/{id}/findings', { ...path(id), body })),
  sendAttestationCode: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/attestation/code', path(id))),
  attestInPerson: (id: string, body: { code: string }) => unwrap(api.POST('/api/v1/requests/{id}/attestation', { ...path(id), body })),
  sendToCommittee: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/committee', path(id))),
  vote: (id: string, body: Decision) => unwrap(api.POST('/api/v1/requests/{id}/votes', { ...path(id), body })),
  decide: (id: string, body: Decision) => unwrap(api.POST('/api/v1/requests/{id}/decision', { ...path(id), body })),
  register: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/registration', path(id))),
  deliver: (id: string, body: { description: string; deliveredOn: string; amount?: number; quantity?: number }) =>
    unwrap(api.POST('/api/v1/requests/{id}/services', { ...path(id), body })),
  close: (id: string) => unwrap(api.POST('/api/v1/requests/{id}/close', path(id))),
  message: (id: string, text: string) => unwrap(api.POST('/api/v1/requests/{id}/messages', { ...path(id), body: { text } })),
  updateValues: (id: string, values: Record<string, unknown>) =>
    unwrap(api.PATCH('/api/v1/requests/{id}/values', { ...path(id), body: { values } })),
  removeDocument: (id: string, documentId: string) =>
    unwrap(api.DELETE('/api/v1/requests/{id}/documents/{documentId}', { params: { path: { id, documentId } } })),
};

export interface Decision {
  outcome: 'approved' | 'rejected' | 'more_information';
  service?: string;
  amount?: number;
  reason?: string;
}

// The file itself as the body (application/octet-stream): the client generator has no type for a raw body, so this
// one call is made by hand, with the session's CSRF token like every change.
export async function uploadRequestDocument(
  id: string,
  documentKey: string,
  file: File,
  expiresOn: string | null,
): Promise<SupportRequest> {
  const query = new URLSearchParams({ documentKey, ...(expiresOn ? { expiresOn } : {}) });
  const response = await fetch(`/api/v1/requests/${id}/documents?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-csrf-token': currentSession()?.csrfToken ?? '',
    },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as SupportRequest & {
    code?: string;
    message?: string;
    fields?: ApiError['fields'];
  };
  if (!response.ok) throw new ApiError(response.status, body.code, body.message ?? response.statusText, null, body.fields ?? []);
  return body;
}
