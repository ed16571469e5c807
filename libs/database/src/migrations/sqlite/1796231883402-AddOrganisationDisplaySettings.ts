import { MigrationInterface, QueryRunner } from 'typeorm';

// organisations.time_zone and digit_style: how the staff app shows the organisation's dates and numbers.
export class AddOrganisationDisplaySettings1796231883402 implements MigrationInterface {
  name = 'AddOrganisationDisplaySettings1796231883402';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"temporary_organisations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"locale\" varchar(10) NOT NULL DEFAULT ('ar'), \"conversation_counter\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL, \"time_zone\" varchar(64) NOT NULL DEFAULT ('Asia/Riyadh'), \"digit_style\" varchar(20) NOT NULL DEFAULT ('arabic-indic'))");
    await queryRunner.query("INSERT INTO \"temporary_organisations\"(\"id\", \"name\", \"locale\", \"conversation_counter\", \"created_at\") SELECT \"id\", \"name\", \"locale\", \"conversation_counter\", \"created_at\" FROM \"organisations\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("ALTER TABLE \"temporary_organisations\" RENAME TO \"organisations\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organisations\" RENAME TO \"temporary_organisations\"");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"locale\" varchar(10) NOT NULL DEFAULT ('ar'), \"conversation_counter\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"organisations\"(\"id\", \"name\", \"locale\", \"conversation_counter\", \"created_at\") SELECT \"id\", \"name\", \"locale\", \"conversation_counter\", \"created_at\" FROM \"temporary_organisations\"");
    await queryRunner.query("DROP TABLE \"temporary_organisations\"");
  }
}
