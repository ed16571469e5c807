import { MigrationInterface, QueryRunner } from 'typeorm';

// inbound_events.id and messages.sequence (which copies it) become 64-bit. Written by hand: TypeORM's
// generated version drops and re-adds the columns, which would lose every row's value.
export class WidenCounters1795314738200 implements MigrationInterface {
  name = 'WidenCounters1795314738200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER SEQUENCE "inbound_events_id_seq" AS bigint');
    await queryRunner.query('ALTER TABLE "inbound_events" ALTER COLUMN "id" TYPE bigint');
    await queryRunner.query('ALTER TABLE "messages" ALTER COLUMN "sequence" TYPE bigint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Fails, as it should, once a value no longer fits 32 bits.
    await queryRunner.query('ALTER TABLE "messages" ALTER COLUMN "sequence" TYPE integer');
    await queryRunner.query('ALTER TABLE "inbound_events" ALTER COLUMN "id" TYPE integer');
    await queryRunner.query('ALTER SEQUENCE "inbound_events_id_seq" AS integer');
  }
}
