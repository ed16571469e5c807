import type { AttachmentRule } from './attachment-upload.util';

export type LocalProblem = { key: 'wrongType' } | { key: 'tooLarge'; maxBytes: number } | { key: 'tooMany'; maxCount: number };

// What the browser can tell before uploading (the server checks again, by the file's bytes): a type the rule does not
// list, a file over its size, one file more than it carries.
export function localProblemOf(file: { type: string; size: number }, rule: AttachmentRule, alreadyAttached: number): LocalProblem | null {
  if (alreadyAttached >= rule.maxCount) return { key: 'tooMany', maxCount: rule.maxCount };
  if (file.type && !rule.contentTypes.includes(file.type)) return { key: 'wrongType' };
  if (file.size > rule.maxBytes) return { key: 'tooLarge', maxBytes: rule.maxBytes };
  return null;
}
