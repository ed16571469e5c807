import type { AuditLog } from '@app/audit/entities';

// Excel opens a UTF-8 file as Windows-1256 unless it starts with a byte-order mark, which garbles Arabic.
const BYTE_ORDER_MARK = '\uFEFF';
const COLUMNS = ['id', 'createdAt', 'actorUserId', 'action', 'subjectType', 'subjectId', 'details'] as const;
// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP); tab and CR too.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

function cellsOf(entry: AuditLog): string[] {
  return [
    entry.id,
    entry.createdAt.toISOString(),
    entry.actorUserId ?? '',
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.details ? JSON.stringify(entry.details) : '',
  ];
}

// RFC 4180: comma-separated, CRLF line ends, quoted where a value holds a quote, comma or line break.
export function auditLogCsv(entries: AuditLog[]): string {
  const lines = [COLUMNS.join(','), ...entries.map((entry) => cellsOf(entry).map(csvCell).join(','))];
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}
