import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboxCore1795304669515 implements MigrationInterface {
  name = 'CreateInboxCore1795304669515';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"actor_user_id\" uuid, \"action\" character varying(60) NOT NULL, \"subject_type\" character varying(40) NOT NULL, \"subject_id\" character varying(64) NOT NULL, \"details\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_54a12b2bb069298a14966e70e4\" ON \"audit_log\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"contacts\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"name\" character varying(200), \"phone\" character varying(20), \"email\" character varying(320), \"merged_into_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b99cd40cfd66a99f1571f4f72e6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_84cae51c485079bdd8cdf1d828\" ON \"contacts\" (\"phone\") ");
    await queryRunner.query("CREATE INDEX \"IDX_00735b6cb42267ea87240524ac\" ON \"contacts\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"contact_identities\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"contact_id\" uuid NOT NULL, \"kind\" character varying(20) NOT NULL, \"scope\" character varying(36) NOT NULL DEFAULT '', \"value\" character varying(320) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_38de992d13ad0ef3975ca176935\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1d4a95cd88e42cb1ec58e5bc95\" ON \"contact_identities\" (\"contact_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8501a5ed5f5ba804e61e8d0bd7\" ON \"contact_identities\" (\"organisation_id\", \"kind\", \"scope\", \"value\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"email\" character varying(320) NOT NULL, \"name\" character varying(200) NOT NULL, \"role\" character varying(20) NOT NULL, \"password_hash\" character varying(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"locale\" character varying(10) NOT NULL DEFAULT 'ar', \"conversation_counter\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7bf54cba378d5b2f1d4c10ef4df\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"teams\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"is_branch\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7e5523774a38b08a6236d322403\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d02b0d809d1cd3c3287376f840\" ON \"teams\" (\"organisation_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"team_members\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"team_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, CONSTRAINT \"PK_ca3eae89dcf20c9fd95bf7460aa\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_7ca7de8fb1b37c581228965e67\" ON \"team_members\" (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c2bf4967c8c2a6b845dadfbf3d\" ON \"team_members\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1d3c06a8217a8785e2af0ec4ab\" ON \"team_members\" (\"team_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"inboxes\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"channel\" character varying(20) NOT NULL, \"provider\" character varying(40), \"team_id\" uuid, \"settings\" text NOT NULL, \"sealed_secrets\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_902c6fe5be554398e6833bb099c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f3dcef8304b12e8fb533323c97\" ON \"inboxes\" (\"organisation_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"conversation_events\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"conversation_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"actor_user_id\" uuid, \"details\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d69d1aeac5bf8d33983a582653d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a6dfae8c6391d70fda8dde2812\" ON \"conversation_events\" (\"conversation_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_363506030c54442e1bbca6a103\" ON \"conversation_events\" (\"organisation_id\", \"type\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"conversations\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"inbox_id\" uuid NOT NULL, \"contact_id\" uuid NOT NULL, \"channel\" character varying(20) NOT NULL, \"status\" character varying(20) NOT NULL, \"priority\" character varying(10) NOT NULL DEFAULT 'normal', \"assignee_id\" uuid, \"team_id\" uuid, \"labels\" text NOT NULL, \"last_message_preview\" character varying(200), \"last_activity_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"waiting_since\" TIMESTAMP WITH TIME ZONE, \"first_response_at\" TIMESTAMP WITH TIME ZONE, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ee34f4f7ced4ec8681f26bf04ef\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f2a0546ac5dad73d1b772e3a53\" ON \"conversations\" (\"organisation_id\", \"contact_id\", \"inbox_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3b893d5b6c761bdcfb0c6ac51b\" ON \"conversations\" (\"organisation_id\", \"last_activity_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f7ebf046704f19684c3d98177a\" ON \"conversations\" (\"organisation_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"inbound_events\" (\"id\" SERIAL NOT NULL, \"organisation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"provider_message_id\" character varying(200) NOT NULL, \"payload\" text NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"processed_at\" TIMESTAMP WITH TIME ZONE, \"message_id\" uuid NOT NULL, CONSTRAINT \"PK_b76e26fa0121da742b191b7ded0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e8e50d8c00bb05e47499415dac\" ON \"inbound_events\" (\"processed_at\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_744df197bda15923c6a6e56308\" ON \"inbound_events\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"conversation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"contact_id\" uuid NOT NULL, \"type\" character varying(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" uuid, \"provider_message_id\" character varying(200), \"status\" character varying(10), \"failure_code\" character varying(20), \"failure_reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"sequence\" integer NOT NULL DEFAULT '0', \"stored_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_18325f38ae6de43878487eff986\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_744df197bda15923c6a6e56308\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e8e50d8c00bb05e47499415dac\"");
    await queryRunner.query("DROP TABLE \"inbound_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f7ebf046704f19684c3d98177a\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3b893d5b6c761bdcfb0c6ac51b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f2a0546ac5dad73d1b772e3a53\"");
    await queryRunner.query("DROP TABLE \"conversations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_363506030c54442e1bbca6a103\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a6dfae8c6391d70fda8dde2812\"");
    await queryRunner.query("DROP TABLE \"conversation_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f3dcef8304b12e8fb533323c97\"");
    await queryRunner.query("DROP TABLE \"inboxes\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1d3c06a8217a8785e2af0ec4ab\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c2bf4967c8c2a6b845dadfbf3d\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7ca7de8fb1b37c581228965e67\"");
    await queryRunner.query("DROP TABLE \"team_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d02b0d809d1cd3c3287376f840\"");
    await queryRunner.query("DROP TABLE \"teams\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8501a5ed5f5ba804e61e8d0bd7\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1d4a95cd88e42cb1ec58e5bc95\"");
    await queryRunner.query("DROP TABLE \"contact_identities\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_00735b6cb42267ea87240524ac\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_84cae51c485079bdd8cdf1d828\"");
    await queryRunner.query("DROP TABLE \"contacts\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_54a12b2bb069298a14966e70e4\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
