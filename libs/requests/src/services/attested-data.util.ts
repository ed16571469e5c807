import { RequestValues } from '../definitions/request-form.types';
import { canonicalJson, sha256Hex } from '../validation/canonical-json.util';

export interface AttestedDocument {
  id: string;
  documentKey: string;
  sha256: string;
}

// Exactly what the beneficiary attests: the request, the form version, the field values and each document by id and
// content hash. Its SHA-256 is stored with the attestation; any change to any of them changes the hash.
export function attestedData(request: { id: string; typeVersionId: string; values: RequestValues }, documents: AttestedDocument[]) {
  return {
    request: request.id,
    typeVersion: request.typeVersionId,
    values: request.values,
    documents: documents
      .map((document) => ({ key: document.documentKey, id: document.id, sha256: document.sha256 }))
      .sort((left, right) => (left.key === right.key ? (left.id < right.id ? -1 : 1) : left.key < right.key ? -1 : 1)),
  };
}

export function attestedDataHash(
  request: { id: string; typeVersionId: string; values: RequestValues },
  documents: AttestedDocument[],
): string {
  return sha256Hex(canonicalJson(attestedData(request, documents)));
}
