import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRequestKinds1796297000206 implements MigrationInterface {
  name = 'AddRequestKinds1796297000206';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kind_request_events\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"kind_request_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"action\" character varying(30), \"from_state\" character varying(20), \"to_state\" character varying(20), \"actor_user_id\" uuid, \"details\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_17101422bcb59a83f271d507ba8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_693da48c5fd54187b8947d4e34\" ON \"kind_request_events\" (\"kind_request_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"kind_request_settings\" (\"organisation_id\" uuid NOT NULL, \"volunteering_team_id\" uuid, \"feedback_team_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_93ae98dcc25fa8bbaf03743945c\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TABLE \"kind_requests\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"kind\" character varying(20) NOT NULL, \"state\" character varying(20) NOT NULL, \"source\" character varying(20) NOT NULL, \"conversation_id\" uuid, \"contact_id\" uuid, \"team_id\" uuid, \"requester_user_id\" uuid, \"feedback_type\" character varying(20), \"priority\" character varying(10), \"subject\" character varying(200), \"details\" text NOT NULL, \"tags\" text NOT NULL, \"data\" text NOT NULL, \"reply\" text, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c6f5125451b5a95869aedf19c41\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b643d63453ac304125a1cfcde5\" ON \"kind_requests\" (\"organisation_id\", \"requester_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5b142c597df7752d0858798af4\" ON \"kind_requests\" (\"organisation_id\", \"conversation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d570ae247196fa9448d8185a24\" ON \"kind_requests\" (\"organisation_id\", \"kind\", \"state\", \"updated_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d570ae247196fa9448d8185a24\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5b142c597df7752d0858798af4\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b643d63453ac304125a1cfcde5\"");
    await queryRunner.query("DROP TABLE \"kind_requests\"");
    await queryRunner.query("DROP TABLE \"kind_request_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_693da48c5fd54187b8947d4e34\"");
    await queryRunner.query("DROP TABLE \"kind_request_events\"");
  }
}
