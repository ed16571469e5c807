import { AuditLog } from '@app/audit/entities';
import { auditLogCsv } from './audit-log-csv.util';

function entry(subjectId: string, details: AuditLog['details'] = null): AuditLog {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: '00000000-0000-4000-8000-000000000002',
    actorUserId: null,
    action: 'contact.viewed',
    subjectType: 'contact',
    subjectId,
    details,
    createdAt: new Date('2026-11-26T10:00:00.000Z'),
  };
}

describe(auditLogCsv.name, () => {
  it('should start with a byte-order mark and a header, and end lines with CRLF', () => {
    const csv = auditLogCsv([entry('abc')]);
    expect(csv.startsWith('\uFEFFid,createdAt,actorUserId,action,subjectType,subjectId,details\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('should prefix cells a spreadsheet would evaluate with an apostrophe', () => {
    for (const value of ['=1+2', '+9665', '-1', '@SUM(A1)', '\tx']) {
      const line = auditLogCsv([entry(value)]).split('\r\n')[1];
      expect(line).toContain(`,'${value}`);
    }
  });

  it('should quote cells with commas, quotes and line breaks and double the quotes', () => {
    const line = auditLogCsv([entry('a,"b"\nc', { note: 'x' })])
      .split('\r\n')
      .slice(1)
      .join('\r\n');
    expect(line).toContain(',"a,""b""\nc",');
    expect(line).toContain(',"{""note"":""x""}"');
  });
});
