import { MigrationInterface, QueryRunner } from 'typeorm';

// contacts.phone_verified and email_verified: a number typed into a form is a claim until proven.
export class AddContactVerification1795686863057 implements MigrationInterface {
  name = 'AddContactVerification1795686863057';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_00735b6cb42267ea87240524ac\"");
    await queryRunner.query("DROP INDEX \"IDX_84cae51c485079bdd8cdf1d828\"");
    await queryRunner.query("CREATE TABLE \"temporary_contacts\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name\" varchar(200), \"phone\" varchar(20), \"email\" varchar(320), \"merged_into_id\" varchar, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, \"phone_verified\" boolean NOT NULL DEFAULT (0), \"email_verified\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_contacts\"(\"id\", \"organisation_id\", \"name\", \"phone\", \"email\", \"merged_into_id\", \"created_at\", \"updated_at\") SELECT \"id\", \"organisation_id\", \"name\", \"phone\", \"email\", \"merged_into_id\", \"created_at\", \"updated_at\" FROM \"contacts\"");
    await queryRunner.query("DROP TABLE \"contacts\"");
    await queryRunner.query("ALTER TABLE \"temporary_contacts\" RENAME TO \"contacts\"");
    await queryRunner.query("CREATE INDEX \"IDX_00735b6cb42267ea87240524ac\" ON \"contacts\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_84cae51c485079bdd8cdf1d828\" ON \"contacts\" (\"phone\") ");
    // Phone and e-mail identities that only a web-chat form ever gave were claims, not identities: drop them, so
    // a number typed by a visitor no longer joins (or pre-empts) the person it belongs to. A contact keeps its
    // number, marked verified only where a provider-asserted identity still backs it.
    await queryRunner.query(
      `DELETE FROM "contact_identities" WHERE "kind" IN ('phone', 'email') AND NOT EXISTS (
         SELECT 1 FROM "conversations" WHERE "conversations"."contact_id" = "contact_identities"."contact_id"
            AND "conversations"."channel" <> 'webchat')`,
    );
    await queryRunner.query(
      `UPDATE "contacts" SET "phone_verified" = 1 WHERE "phone" IS NOT NULL AND EXISTS (
         SELECT 1 FROM "contact_identities" WHERE "contact_identities"."contact_id" = "contacts"."id"
            AND "contact_identities"."kind" = 'phone' AND "contact_identities"."value" = "contacts"."phone")`,
    );
    await queryRunner.query(
      `UPDATE "contacts" SET "email_verified" = 1 WHERE "email" IS NOT NULL AND EXISTS (
         SELECT 1 FROM "contact_identities" WHERE "contact_identities"."contact_id" = "contacts"."id"
            AND "contact_identities"."kind" = 'email' AND "contact_identities"."value" = "contacts"."email")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_84cae51c485079bdd8cdf1d828\"");
    await queryRunner.query("DROP INDEX \"IDX_00735b6cb42267ea87240524ac\"");
    await queryRunner.query("ALTER TABLE \"contacts\" RENAME TO \"temporary_contacts\"");
    await queryRunner.query("CREATE TABLE \"contacts\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name\" varchar(200), \"phone\" varchar(20), \"email\" varchar(320), \"merged_into_id\" varchar, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"contacts\"(\"id\", \"organisation_id\", \"name\", \"phone\", \"email\", \"merged_into_id\", \"created_at\", \"updated_at\") SELECT \"id\", \"organisation_id\", \"name\", \"phone\", \"email\", \"merged_into_id\", \"created_at\", \"updated_at\" FROM \"temporary_contacts\"");
    await queryRunner.query("DROP TABLE \"temporary_contacts\"");
    await queryRunner.query("CREATE INDEX \"IDX_84cae51c485079bdd8cdf1d828\" ON \"contacts\" (\"phone\") ");
    await queryRunner.query("CREATE INDEX \"IDX_00735b6cb42267ea87240524ac\" ON \"contacts\" (\"organisation_id\", \"created_at\") ");
  }
}
