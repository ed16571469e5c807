import { MigrationInterface, QueryRunner } from 'typeorm';

// revoked_staff_tokens: access tokens ended by a logout before their expiry, checked with the user on every request.
export class AddRevokedStaffTokens1796228964940 implements MigrationInterface {
  name = 'AddRevokedStaffTokens1796228964940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"revoked_staff_tokens\" (\"token_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_08b79dfebc818d109853acff97c\" PRIMARY KEY (\"token_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_cd33d31969c450a16845b1a276\" ON \"revoked_staff_tokens\" (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_cd33d31969c450a16845b1a276\"");
    await queryRunner.query("DROP TABLE \"revoked_staff_tokens\"");
  }
}
