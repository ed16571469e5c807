import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddContactPictures1796295635636 implements MigrationInterface {
  name = 'AddContactPictures1796295635636';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "contacts" ADD COLUMN "picture_path" character varying(120)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "contacts" DROP COLUMN "picture_path"');
  }
}
