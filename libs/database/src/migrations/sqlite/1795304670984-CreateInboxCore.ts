import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboxCore1795304670984 implements MigrationInterface {
  name = 'CreateInboxCore1795304670984';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"actor_user_id\" varchar, \"action\" varchar(60) NOT NULL, \"subject_type\" varchar(40) NOT NULL, \"subject_id\" varchar(64) NOT NULL, \"details\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_54a12b2bb069298a14966e70e4\" ON \"audit_log\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"contacts\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name\" varchar(200), \"phone\" varchar(20), \"email\" varchar(320), \"merged_into_id\" varchar, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_84cae51c485079bdd8cdf1d828\" ON \"contacts\" (\"phone\") ");
    await queryRunner.query("CREATE INDEX \"IDX_00735b6cb42267ea87240524ac\" ON \"contacts\" (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"contact_identities\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"kind\" varchar(20) NOT NULL, \"scope\" varchar(36) NOT NULL DEFAULT (''), \"value\" varchar(320) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_1d4a95cd88e42cb1ec58e5bc95\" ON \"contact_identities\" (\"contact_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8501a5ed5f5ba804e61e8d0bd7\" ON \"contact_identities\" (\"organisation_id\", \"kind\", \"scope\", \"value\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"email\" varchar(320) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(20) NOT NULL, \"password_hash\" varchar(300) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_2fc4294f8ec97da71d587dc557\" ON \"users\" (\"organisation_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\" (\"email\") ");
    await queryRunner.query("CREATE TABLE \"organisations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"locale\" varchar(10) NOT NULL DEFAULT ('ar'), \"conversation_counter\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"teams\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name\" varchar(200) NOT NULL, \"is_branch\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d02b0d809d1cd3c3287376f840\" ON \"teams\" (\"organisation_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"team_members\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"team_id\" varchar NOT NULL, \"user_id\" varchar NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_7ca7de8fb1b37c581228965e67\" ON \"team_members\" (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c2bf4967c8c2a6b845dadfbf3d\" ON \"team_members\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_1d3c06a8217a8785e2af0ec4ab\" ON \"team_members\" (\"team_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"inboxes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name\" varchar(200) NOT NULL, \"channel\" varchar(20) NOT NULL, \"provider\" varchar(40), \"team_id\" varchar, \"settings\" text NOT NULL, \"sealed_secrets\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f3dcef8304b12e8fb533323c97\" ON \"inboxes\" (\"organisation_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"conversation_events\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"type\" varchar(30) NOT NULL, \"actor_user_id\" varchar, \"details\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_a6dfae8c6391d70fda8dde2812\" ON \"conversation_events\" (\"conversation_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_363506030c54442e1bbca6a103\" ON \"conversation_events\" (\"organisation_id\", \"type\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"conversations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"number\" integer NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"channel\" varchar(20) NOT NULL, \"status\" varchar(20) NOT NULL, \"priority\" varchar(10) NOT NULL DEFAULT ('normal'), \"assignee_id\" varchar, \"team_id\" varchar, \"labels\" text NOT NULL, \"last_message_preview\" varchar(200), \"last_activity_at\" datetime NOT NULL, \"waiting_since\" datetime, \"first_response_at\" datetime, \"resolved_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f2a0546ac5dad73d1b772e3a53\" ON \"conversations\" (\"organisation_id\", \"contact_id\", \"inbox_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3b893d5b6c761bdcfb0c6ac51b\" ON \"conversations\" (\"organisation_id\", \"last_activity_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f7ebf046704f19684c3d98177a\" ON \"conversations\" (\"organisation_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"inbound_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"organisation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"provider_message_id\" varchar(200) NOT NULL, \"payload\" text NOT NULL, \"received_at\" datetime NOT NULL, \"processed_at\" datetime, \"message_id\" varchar NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_e8e50d8c00bb05e47499415dac\" ON \"inbound_events\" (\"processed_at\", \"received_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_744df197bda15923c6a6e56308\" ON \"inbound_events\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE TABLE \"messages\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"conversation_id\" varchar NOT NULL, \"inbox_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"type\" varchar(10) NOT NULL, \"text\" text NOT NULL, \"attachments\" text NOT NULL, \"sender_user_id\" varchar, \"provider_message_id\" varchar(200), \"status\" varchar(10), \"failure_code\" varchar(20), \"failure_reason\" varchar(500), \"created_at\" datetime NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"stored_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\" ON \"messages\" (\"inbox_id\", \"provider_message_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_336f2775b8a3249566319911ba\" ON \"messages\" (\"conversation_id\", \"created_at\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_336f2775b8a3249566319911ba\"");
    await queryRunner.query("DROP INDEX \"IDX_29782ee0edf5c6ce094e0b84d9\"");
    await queryRunner.query("DROP TABLE \"messages\"");
    await queryRunner.query("DROP INDEX \"IDX_744df197bda15923c6a6e56308\"");
    await queryRunner.query("DROP INDEX \"IDX_e8e50d8c00bb05e47499415dac\"");
    await queryRunner.query("DROP TABLE \"inbound_events\"");
    await queryRunner.query("DROP INDEX \"IDX_f7ebf046704f19684c3d98177a\"");
    await queryRunner.query("DROP INDEX \"IDX_3b893d5b6c761bdcfb0c6ac51b\"");
    await queryRunner.query("DROP INDEX \"IDX_f2a0546ac5dad73d1b772e3a53\"");
    await queryRunner.query("DROP TABLE \"conversations\"");
    await queryRunner.query("DROP INDEX \"IDX_363506030c54442e1bbca6a103\"");
    await queryRunner.query("DROP INDEX \"IDX_a6dfae8c6391d70fda8dde2812\"");
    await queryRunner.query("DROP TABLE \"conversation_events\"");
    await queryRunner.query("DROP INDEX \"IDX_f3dcef8304b12e8fb533323c97\"");
    await queryRunner.query("DROP TABLE \"inboxes\"");
    await queryRunner.query("DROP INDEX \"IDX_1d3c06a8217a8785e2af0ec4ab\"");
    await queryRunner.query("DROP INDEX \"IDX_c2bf4967c8c2a6b845dadfbf3d\"");
    await queryRunner.query("DROP INDEX \"IDX_7ca7de8fb1b37c581228965e67\"");
    await queryRunner.query("DROP TABLE \"team_members\"");
    await queryRunner.query("DROP INDEX \"IDX_d02b0d809d1cd3c3287376f840\"");
    await queryRunner.query("DROP TABLE \"teams\"");
    await queryRunner.query("DROP TABLE \"organisations\"");
    await queryRunner.query("DROP INDEX \"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP INDEX \"IDX_2fc4294f8ec97da71d587dc557\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"IDX_8501a5ed5f5ba804e61e8d0bd7\"");
    await queryRunner.query("DROP INDEX \"IDX_1d4a95cd88e42cb1ec58e5bc95\"");
    await queryRunner.query("DROP TABLE \"contact_identities\"");
    await queryRunner.query("DROP INDEX \"IDX_00735b6cb42267ea87240524ac\"");
    await queryRunner.query("DROP INDEX \"IDX_84cae51c485079bdd8cdf1d828\"");
    await queryRunner.query("DROP TABLE \"contacts\"");
    await queryRunner.query("DROP INDEX \"IDX_54a12b2bb069298a14966e70e4\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
