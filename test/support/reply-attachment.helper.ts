import { WaslTestApp } from './wasl-test-app';

export interface UploadAnswer {
  status: number;
  body: { id?: string; fields?: Array<{ field: string; message: string }> };
}

// An officer's file, uploaded the way the composer does (POST …/attachments, the file itself as the body), to be named
// in attachmentIds of the reply.
export async function uploadReplyAttachment(
  wasl: WaslTestApp,
  token: string,
  conversationId: string,
  content: Buffer,
  fileName: string,
): Promise<UploadAnswer> {
  const response = await fetch(`${wasl.url}/api/v1/conversations/${conversationId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    body: new Uint8Array(content),
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}
