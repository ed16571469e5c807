import { MigrationInterface, QueryRunner } from 'typeorm';

// Web-chat attachment URLs used to be stored with a signature that never expired. Visitors now get links that
// expire and staff download with their session, so the old signatures are refused; this removes them from
// message rows and raw events too, leaving the bare path. Down is a no-op: a dead signature is not worth restoring.
export class StripAttachmentSignatures1795689432583 implements MigrationInterface {
  name = 'StripAttachmentSignatures1795689432583';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['messages', 'attachments'],
      ['inbound_events', 'payload'],
    ]) {
      await queryRunner.query(
        `UPDATE "${table}" SET "${column}" = regexp_replace("${column}", '(/webchat/files/[^"?]+)\\?signature=[0-9a-f]{64}', '\\1', 'g')
         WHERE "${column}" LIKE '%/webchat/files/%?signature=%'`,
      );
    }
  }

  async down(): Promise<void> {}
}
