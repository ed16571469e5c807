import { FieldProblem } from '@app/common';
import { AttachmentRule } from './channel-definition';

export interface AttachedFile {
  contentType: string;
  fileName: string;
  sizeBytes: number;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

// Why a reply's files cannot go out on a channel, on the staff API's `attachments` field; none when they can.
export function attachmentRuleProblems(
  rule: AttachmentRule | null,
  files: readonly AttachedFile[],
  channelTitle: string,
  text = '',
): FieldProblem[] {
  if (files.length === 0) return [];
  if (!rule) {
    return [
      { field: 'attachments', message: `${channelTitle} cannot carry files; send the text alone, or keep the file in a private note` },
    ];
  }
  const problems: FieldProblem[] = [];
  if (files.length > rule.maxCount) {
    problems.push({ field: 'attachments', message: `${channelTitle} carries at most ${rule.maxCount} files in one reply` });
  }
  for (const file of files) {
    if (!rule.contentTypes.includes(file.contentType)) {
      problems.push({ field: 'attachments', message: `${file.fileName}: ${channelTitle} does not carry ${file.contentType}` });
    } else if (file.sizeBytes > rule.maxBytes) {
      problems.push({
        field: 'attachments',
        message: `${file.fileName}: ${channelTitle} carries files of at most ${megabytes(rule.maxBytes)}`,
      });
    }
  }
  if (rule.maxCaptionLength !== undefined && text.length > rule.maxCaptionLength) {
    problems.push({
      field: 'text',
      message: `${channelTitle} sends a file's text as its caption, of at most ${rule.maxCaptionLength} characters; send the rest on its own`,
    });
  }
  const total = files.reduce((sum, file) => sum + file.sizeBytes, 0);
  if (total > rule.maxTotalBytes) {
    problems.push({
      field: 'attachments',
      message: `${channelTitle} carries at most ${megabytes(rule.maxTotalBytes)} of files in one reply`,
    });
  }
  return problems;
}
