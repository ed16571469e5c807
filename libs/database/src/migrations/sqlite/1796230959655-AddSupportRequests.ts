import { MigrationInterface, QueryRunner } from 'typeorm';

// Support requests (libs/requests): types and their versions, requests, documents, the timeline, attestations,
// committee votes, registered beneficiaries, services delivered and each organisation's request settings.
export class AddSupportRequests1796230959655 implements MigrationInterface {
  name = 'AddSupportRequests1796230959655';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"support_requests\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"number\" integer NOT NULL, \"contact_id\" varchar NOT NULL, \"request_type_id\" varchar NOT NULL, \"type_version_id\" varchar NOT NULL, \"state\" varchar(30) NOT NULL, \"source\" varchar(20) NOT NULL, \"conversation_id\" varchar, \"branch_team_id\" varchar, \"created_by_id\" varchar, \"officer_id\" varchar, \"researcher_id\" varchar, \"values\" text NOT NULL, \"findings\" text, \"decision\" text, \"submitted_at\" datetime, \"committee_submitted_at\" datetime, \"committee_round\" integer NOT NULL DEFAULT (0), \"answer_due_on\" varchar(10), \"deadline_alerted_at\" datetime, \"beneficiary_id\" varchar, \"closed_at\" datetime, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_16c9c847541709cc810bf39c69\" ON \"support_requests\" (\"officer_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9f4abcb11c1a75c36e2eb44bac\" ON \"support_requests\" (\"researcher_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_88be1f11483fe6d7c54d8f2338\" ON \"support_requests\" (\"organisation_id\", \"contact_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ebf66d37f468070ecd1228135b\" ON \"support_requests\" (\"organisation_id\", \"state\", \"updated_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_373cb299d501d01f268760edae\" ON \"support_requests\" (\"organisation_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"committee_votes\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_id\" varchar NOT NULL, \"round\" integer NOT NULL, \"member_id\" varchar NOT NULL, \"outcome\" varchar(20) NOT NULL, \"service\" varchar(200), \"amount_halalas\" integer, \"reason\" varchar(1000), \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fbdeddb05e684990b3a1473069\" ON \"committee_votes\" (\"request_id\", \"round\", \"member_id\") ");
    await queryRunner.query("CREATE TABLE \"registered_beneficiaries\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"contact_id\" varchar NOT NULL, \"file_number\" integer NOT NULL, \"household\" text NOT NULL, \"registered_by_id\" varchar NOT NULL, \"first_request_id\" varchar NOT NULL, \"registered_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0b241f31e7f759163228808fa8\" ON \"registered_beneficiaries\" (\"organisation_id\", \"contact_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_56a44d1b24bdf05c9c0d4fd527\" ON \"registered_beneficiaries\" (\"organisation_id\", \"file_number\") ");
    await queryRunner.query("CREATE TABLE \"request_attestations\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_id\" varchar NOT NULL, \"data_hash\" varchar(64) NOT NULL, \"channel\" varchar(20) NOT NULL, \"sent_to\" varchar(30) NOT NULL, \"method\" varchar(30) NOT NULL, \"entered_by_id\" varchar, \"attested_at\" datetime NOT NULL, \"invalidated_at\" datetime, \"invalidated_reason\" varchar(200))");
    await queryRunner.query("CREATE INDEX \"IDX_813f1e33c6db8316312b9219ae\" ON \"request_attestations\" (\"request_id\", \"attested_at\") ");
    await queryRunner.query("CREATE TABLE \"request_documents\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_id\" varchar NOT NULL, \"document_key\" varchar(60) NOT NULL, \"file_name\" varchar(200) NOT NULL, \"content_type\" varchar(60) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"storage_key\" varchar(300) NOT NULL, \"expires_on\" varchar(10), \"uploaded_by_id\" varchar, \"uploaded_at\" datetime NOT NULL, \"removed_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_1dd11255fb580157a7904d0fe7\" ON \"request_documents\" (\"request_id\", \"document_key\") ");
    await queryRunner.query("CREATE TABLE \"request_events\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_id\" varchar NOT NULL, \"type\" varchar(30) NOT NULL, \"action\" varchar(30), \"from_state\" varchar(30), \"to_state\" varchar(30), \"actor_user_id\" varchar, \"actor_kind\" varchar(20) NOT NULL, \"details\" text, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_9cbd8f1ac4795c5d3cfef5a195\" ON \"request_events\" (\"request_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"request_settings\" (\"organisation_id\" varchar PRIMARY KEY NOT NULL, \"answer_days\" integer NOT NULL DEFAULT (14), \"quorum\" integer NOT NULL DEFAULT (3), \"chair_user_id\" varchar, \"alert_days_before\" integer NOT NULL DEFAULT (3), \"sms_inbox_id\" varchar, \"request_counter\" integer NOT NULL DEFAULT (0), \"file_counter\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"request_types\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"name_ar\" varchar(200) NOT NULL, \"name_en\" varchar(200) NOT NULL, \"public_form\" boolean NOT NULL DEFAULT (0), \"active\" boolean NOT NULL DEFAULT (1), \"version\" integer NOT NULL DEFAULT (1), \"current_version_id\" varchar NOT NULL, \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2b1df0a2e2100122660ef21ed5\" ON \"request_types\" (\"organisation_id\", \"name_ar\") ");
    await queryRunner.query("CREATE TABLE \"request_type_versions\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_type_id\" varchar NOT NULL, \"version\" integer NOT NULL, \"name_ar\" varchar(200) NOT NULL, \"name_en\" varchar(200) NOT NULL, \"form\" text NOT NULL, \"created_by_id\" varchar, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9d3f55688cc5f5b59f6ef68562\" ON \"request_type_versions\" (\"request_type_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"service_deliveries\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"request_id\" varchar NOT NULL, \"beneficiary_id\" varchar NOT NULL, \"description\" varchar(300) NOT NULL, \"delivered_on\" varchar(10) NOT NULL, \"amount_halalas\" integer, \"quantity\" integer, \"delivered_by_id\" varchar NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_419dc6a26bf7fbc61dbf3ad1a5\" ON \"service_deliveries\" (\"request_id\", \"delivered_on\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_419dc6a26bf7fbc61dbf3ad1a5\"");
    await queryRunner.query("DROP TABLE \"service_deliveries\"");
    await queryRunner.query("DROP INDEX \"IDX_9d3f55688cc5f5b59f6ef68562\"");
    await queryRunner.query("DROP TABLE \"request_type_versions\"");
    await queryRunner.query("DROP INDEX \"IDX_2b1df0a2e2100122660ef21ed5\"");
    await queryRunner.query("DROP TABLE \"request_types\"");
    await queryRunner.query("DROP TABLE \"request_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_9cbd8f1ac4795c5d3cfef5a195\"");
    await queryRunner.query("DROP TABLE \"request_events\"");
    await queryRunner.query("DROP INDEX \"IDX_1dd11255fb580157a7904d0fe7\"");
    await queryRunner.query("DROP TABLE \"request_documents\"");
    await queryRunner.query("DROP INDEX \"IDX_813f1e33c6db8316312b9219ae\"");
    await queryRunner.query("DROP TABLE \"request_attestations\"");
    await queryRunner.query("DROP INDEX \"IDX_56a44d1b24bdf05c9c0d4fd527\"");
    await queryRunner.query("DROP INDEX \"IDX_0b241f31e7f759163228808fa8\"");
    await queryRunner.query("DROP TABLE \"registered_beneficiaries\"");
    await queryRunner.query("DROP INDEX \"IDX_fbdeddb05e684990b3a1473069\"");
    await queryRunner.query("DROP TABLE \"committee_votes\"");
    await queryRunner.query("DROP INDEX \"IDX_373cb299d501d01f268760edae\"");
    await queryRunner.query("DROP INDEX \"IDX_ebf66d37f468070ecd1228135b\"");
    await queryRunner.query("DROP INDEX \"IDX_88be1f11483fe6d7c54d8f2338\"");
    await queryRunner.query("DROP INDEX \"IDX_9f4abcb11c1a75c36e2eb44bac\"");
    await queryRunner.query("DROP INDEX \"IDX_16c9c847541709cc810bf39c69\"");
    await queryRunner.query("DROP TABLE \"support_requests\"");
  }
}
