import { MigrationInterface, QueryRunner } from 'typeorm';

// revoked_staff_tokens: access tokens ended by a logout before their expiry, checked with the user on every request.
export class AddRevokedStaffTokens1796228966216 implements MigrationInterface {
  name = 'AddRevokedStaffTokens1796228966216';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"revoked_staff_tokens\" (\"token_id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"expires_at\" datetime NOT NULL, \"revoked_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_cd33d31969c450a16845b1a276\" ON \"revoked_staff_tokens\" (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cd33d31969c450a16845b1a276\"");
    await queryRunner.query("DROP TABLE \"revoked_staff_tokens\"");
  }
}
