import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRequestKinds1796297008898 implements MigrationInterface {
  name = 'AddRequestKinds1796297008898';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kind_request_events\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"kind_request_id\" varchar NOT NULL, \"type\" varchar(30) NOT NULL, \"action\" varchar(30), \"from_state\" varchar(20), \"to_state\" varchar(20), \"actor_user_id\" varchar, \"details\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_693da48c5fd54187b8947d4e34\" ON \"kind_request_events\" (\"kind_request_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"kind_request_settings\" (\"organisation_id\" varchar PRIMARY KEY NOT NULL, \"volunteering_team_id\" varchar, \"feedback_team_id\" varchar, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"kind_requests\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"kind\" varchar(20) NOT NULL, \"state\" varchar(20) NOT NULL, \"source\" varchar(20) NOT NULL, \"conversation_id\" varchar, \"contact_id\" varchar, \"team_id\" varchar, \"requester_user_id\" varchar, \"feedback_type\" varchar(20), \"priority\" varchar(10), \"subject\" varchar(200), \"details\" text NOT NULL, \"tags\" text NOT NULL, \"data\" text NOT NULL, \"reply\" text, \"closed_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_b643d63453ac304125a1cfcde5\" ON \"kind_requests\" (\"organisation_id\", \"requester_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5b142c597df7752d0858798af4\" ON \"kind_requests\" (\"organisation_id\", \"conversation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d570ae247196fa9448d8185a24\" ON \"kind_requests\" (\"organisation_id\", \"kind\", \"state\", \"updated_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d570ae247196fa9448d8185a24\"");
    await queryRunner.query("DROP INDEX \"IDX_5b142c597df7752d0858798af4\"");
    await queryRunner.query("DROP INDEX \"IDX_b643d63453ac304125a1cfcde5\"");
    await queryRunner.query("DROP TABLE \"kind_requests\"");
    await queryRunner.query("DROP TABLE \"kind_request_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_693da48c5fd54187b8947d4e34\"");
    await queryRunner.query("DROP TABLE \"kind_request_events\"");
  }
}
