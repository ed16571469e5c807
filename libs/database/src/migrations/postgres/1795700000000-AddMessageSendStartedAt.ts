import { MigrationInterface, QueryRunner } from 'typeorm';

// messages.send_started_at: a reply whose send began and whose outcome was never recorded (the worker died) is
// reconciled instead of being sent twice or left queued.
export class AddMessageSendStartedAt1795700000000 implements MigrationInterface {
  name = 'AddMessageSendStartedAt1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "messages" ADD "send_started_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "IDX_messages_queued_created_at" ON "messages" ("created_at") WHERE status = \'queued\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_messages_queued_created_at"');
    await queryRunner.query('ALTER TABLE "messages" DROP COLUMN "send_started_at"');
  }
}
