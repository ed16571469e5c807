import { MigrationInterface, QueryRunner } from 'typeorm';

// Web-chat attachment URLs used to be stored with a signature that never expired. Visitors now get links that
// expire and staff download with their session, so the old signatures are refused; this removes them from
// message rows and raw events too, leaving the bare path. SQLite has no regexp_replace, so rows are rewritten here.
export class StripAttachmentSignatures1795689432583 implements MigrationInterface {
  name = 'StripAttachmentSignatures1795689432583';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['messages', 'attachments'],
      ['inbound_events', 'payload'],
    ]) {
      const rows: Array<{ id: string | number; value: string }> = await queryRunner.query(
        `SELECT "id", "${column}" AS "value" FROM "${table}" WHERE "${column}" LIKE '%/webchat/files/%?signature=%'`,
      );
      for (const row of rows) {
        const stripped = row.value.replace(/(\/webchat\/files\/[^"?]+)\?signature=[0-9a-f]{64}/g, '$1');
        await queryRunner.query(`UPDATE "${table}" SET "${column}" = ? WHERE "id" = ?`, [stripped, row.id]);
      }
    }
  }

  async down(): Promise<void> {}
}
