import { MigrationInterface, QueryRunner } from 'typeorm';

// organisations.time_zone and digit_style: how the staff app shows the organisation's dates and numbers.
export class AddOrganisationDisplaySettings1796231881071 implements MigrationInterface {
  name = 'AddOrganisationDisplaySettings1796231881071';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisations\" ADD \"time_zone\" character varying(64) NOT NULL DEFAULT 'Asia/Riyadh'");
    await queryRunner.query("ALTER TABLE \"organisations\" ADD \"digit_style\" character varying(20) NOT NULL DEFAULT 'arabic-indic'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisations\" DROP COLUMN \"digit_style\"");
    await queryRunner.query("ALTER TABLE \"organisations\" DROP COLUMN \"time_zone\"");
  }
}
