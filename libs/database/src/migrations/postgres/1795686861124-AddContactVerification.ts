import { MigrationInterface, QueryRunner } from 'typeorm';

// contacts.phone_verified and email_verified: a number typed into a form is a claim until proven.
export class AddContactVerification1795686861124 implements MigrationInterface {
  name = 'AddContactVerification1795686861124';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"contacts\" ADD \"phone_verified\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"contacts\" ADD \"email_verified\" boolean NOT NULL DEFAULT false");
    // Phone and e-mail identities that only a web-chat form ever gave were claims, not identities: drop them, so
    // a number typed by a visitor no longer joins (or pre-empts) the person it belongs to. A contact keeps its
    // number, marked verified only where a provider-asserted identity still backs it.
    await queryRunner.query(
      `DELETE FROM "contact_identities" WHERE "kind" IN ('phone', 'email') AND NOT EXISTS (
         SELECT 1 FROM "conversations" WHERE "conversations"."contact_id" = "contact_identities"."contact_id"
            AND "conversations"."channel" <> 'webchat')`,
    );
    await queryRunner.query(
      `UPDATE "contacts" SET "phone_verified" = true WHERE "phone" IS NOT NULL AND EXISTS (
         SELECT 1 FROM "contact_identities" WHERE "contact_identities"."contact_id" = "contacts"."id"
            AND "contact_identities"."kind" = 'phone' AND "contact_identities"."value" = "contacts"."phone")`,
    );
    await queryRunner.query(
      `UPDATE "contacts" SET "email_verified" = true WHERE "email" IS NOT NULL AND EXISTS (
         SELECT 1 FROM "contact_identities" WHERE "contact_identities"."contact_id" = "contacts"."id"
            AND "contact_identities"."kind" = 'email' AND "contact_identities"."value" = "contacts"."email")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"contacts\" DROP COLUMN \"email_verified\"");
    await queryRunner.query("ALTER TABLE \"contacts\" DROP COLUMN \"phone_verified\"");
  }
}
