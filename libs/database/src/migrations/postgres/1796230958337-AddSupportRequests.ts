import { MigrationInterface, QueryRunner } from 'typeorm';

// Support requests (libs/requests): types and their versions, requests, documents, the timeline, attestations,
// committee votes, registered beneficiaries, services delivered and each organisation's request settings.
export class AddSupportRequests1796230958337 implements MigrationInterface {
  name = 'AddSupportRequests1796230958337';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"support_requests\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"contact_id\" uuid NOT NULL, \"request_type_id\" uuid NOT NULL, \"type_version_id\" uuid NOT NULL, \"state\" character varying(30) NOT NULL, \"source\" character varying(20) NOT NULL, \"conversation_id\" uuid, \"branch_team_id\" uuid, \"created_by_id\" uuid, \"officer_id\" uuid, \"researcher_id\" uuid, \"values\" text NOT NULL, \"findings\" text, \"decision\" text, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"committee_submitted_at\" TIMESTAMP WITH TIME ZONE, \"committee_round\" integer NOT NULL DEFAULT '0', \"answer_due_on\" character varying(10), \"deadline_alerted_at\" TIMESTAMP WITH TIME ZONE, \"beneficiary_id\" uuid, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a9ce3cdbad0970597a07ab5db97\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_16c9c847541709cc810bf39c69\" ON \"support_requests\" (\"officer_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9f4abcb11c1a75c36e2eb44bac\" ON \"support_requests\" (\"researcher_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_88be1f11483fe6d7c54d8f2338\" ON \"support_requests\" (\"organisation_id\", \"contact_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ebf66d37f468070ecd1228135b\" ON \"support_requests\" (\"organisation_id\", \"state\", \"updated_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_373cb299d501d01f268760edae\" ON \"support_requests\" (\"organisation_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"committee_votes\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"round\" integer NOT NULL, \"member_id\" uuid NOT NULL, \"outcome\" character varying(20) NOT NULL, \"service\" character varying(200), \"amount_halalas\" integer, \"reason\" character varying(1000), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_4dd6e3c606d29460b5798637926\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fbdeddb05e684990b3a1473069\" ON \"committee_votes\" (\"request_id\", \"round\", \"member_id\") ");
    await queryRunner.query("CREATE TABLE \"registered_beneficiaries\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"contact_id\" uuid NOT NULL, \"file_number\" integer NOT NULL, \"household\" text NOT NULL, \"registered_by_id\" uuid NOT NULL, \"first_request_id\" uuid NOT NULL, \"registered_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9b1f8aabd237cea2ec99c9379d9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0b241f31e7f759163228808fa8\" ON \"registered_beneficiaries\" (\"organisation_id\", \"contact_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_56a44d1b24bdf05c9c0d4fd527\" ON \"registered_beneficiaries\" (\"organisation_id\", \"file_number\") ");
    await queryRunner.query("CREATE TABLE \"request_attestations\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"data_hash\" character varying(64) NOT NULL, \"channel\" character varying(20) NOT NULL, \"sent_to\" character varying(30) NOT NULL, \"method\" character varying(30) NOT NULL, \"entered_by_id\" uuid, \"attested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"invalidated_at\" TIMESTAMP WITH TIME ZONE, \"invalidated_reason\" character varying(200), CONSTRAINT \"PK_425a9ead467447732ff23f04494\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_813f1e33c6db8316312b9219ae\" ON \"request_attestations\" (\"request_id\", \"attested_at\") ");
    await queryRunner.query("CREATE TABLE \"request_documents\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"document_key\" character varying(60) NOT NULL, \"file_name\" character varying(200) NOT NULL, \"content_type\" character varying(60) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character varying(64) NOT NULL, \"storage_key\" character varying(300) NOT NULL, \"expires_on\" character varying(10), \"uploaded_by_id\" uuid, \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"removed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_9e34568bfd02b2f30d7aa30c73f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1dd11255fb580157a7904d0fe7\" ON \"request_documents\" (\"request_id\", \"document_key\") ");
    await queryRunner.query("CREATE TABLE \"request_events\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"type\" character varying(30) NOT NULL, \"action\" character varying(30), \"from_state\" character varying(30), \"to_state\" character varying(30), \"actor_user_id\" uuid, \"actor_kind\" character varying(20) NOT NULL, \"details\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_bf9333ddb0c34f1533239fc9cb0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9cbd8f1ac4795c5d3cfef5a195\" ON \"request_events\" (\"request_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"request_settings\" (\"organisation_id\" uuid NOT NULL, \"answer_days\" integer NOT NULL DEFAULT '14', \"quorum\" integer NOT NULL DEFAULT '3', \"chair_user_id\" uuid, \"alert_days_before\" integer NOT NULL DEFAULT '3', \"sms_inbox_id\" uuid, \"request_counter\" integer NOT NULL DEFAULT '0', \"file_counter\" integer NOT NULL DEFAULT '0', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_705ce2b9c62b3d5036b8741058a\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TABLE \"request_types\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"name_ar\" character varying(200) NOT NULL, \"name_en\" character varying(200) NOT NULL, \"public_form\" boolean NOT NULL DEFAULT false, \"active\" boolean NOT NULL DEFAULT true, \"version\" integer NOT NULL DEFAULT '1', \"current_version_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_795c261c2ebf6beb3f417acd40b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2b1df0a2e2100122660ef21ed5\" ON \"request_types\" (\"organisation_id\", \"name_ar\") ");
    await queryRunner.query("CREATE TABLE \"request_type_versions\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_type_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"name_ar\" character varying(200) NOT NULL, \"name_en\" character varying(200) NOT NULL, \"form\" text NOT NULL, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_7a3aa923b326624f8a350a4bd7b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9d3f55688cc5f5b59f6ef68562\" ON \"request_type_versions\" (\"request_type_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"service_deliveries\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"beneficiary_id\" uuid NOT NULL, \"description\" character varying(300) NOT NULL, \"delivered_on\" character varying(10) NOT NULL, \"amount_halalas\" integer, \"quantity\" integer, \"delivered_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9660724b17d8fa426ba7495c9fd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_419dc6a26bf7fbc61dbf3ad1a5\" ON \"service_deliveries\" (\"request_id\", \"delivered_on\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_419dc6a26bf7fbc61dbf3ad1a5\"");
    await queryRunner.query("DROP TABLE \"service_deliveries\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9d3f55688cc5f5b59f6ef68562\"");
    await queryRunner.query("DROP TABLE \"request_type_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2b1df0a2e2100122660ef21ed5\"");
    await queryRunner.query("DROP TABLE \"request_types\"");
    await queryRunner.query("DROP TABLE \"request_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9cbd8f1ac4795c5d3cfef5a195\"");
    await queryRunner.query("DROP TABLE \"request_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1dd11255fb580157a7904d0fe7\"");
    await queryRunner.query("DROP TABLE \"request_documents\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_813f1e33c6db8316312b9219ae\"");
    await queryRunner.query("DROP TABLE \"request_attestations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_56a44d1b24bdf05c9c0d4fd527\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0b241f31e7f759163228808fa8\"");
    await queryRunner.query("DROP TABLE \"registered_beneficiaries\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fbdeddb05e684990b3a1473069\"");
    await queryRunner.query("DROP TABLE \"committee_votes\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_373cb299d501d01f268760edae\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ebf66d37f468070ecd1228135b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_88be1f11483fe6d7c54d8f2338\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9f4abcb11c1a75c36e2eb44bac\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_16c9c847541709cc810bf39c69\"");
    await queryRunner.query("DROP TABLE \"support_requests\"");
  }
}
