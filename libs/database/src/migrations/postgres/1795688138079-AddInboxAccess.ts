import { MigrationInterface, QueryRunner } from 'typeorm';

// inbox_access: per inbox, the teams and officers who see its conversations (purpose-bound access, PDPL).
export class AddInboxAccess1795688138079 implements MigrationInterface {
  name = 'AddInboxAccess1795688138079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"inbox_access\" (\"id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"inbox_id\" uuid NOT NULL, \"team_id\" uuid, \"user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d0a5bb5031a49361699ee180a1d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_009180c16e54871985ae65bd7a\" ON \"inbox_access\" (\"organisation_id\", \"team_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ed285f02a934dee03d8d0e63a0\" ON \"inbox_access\" (\"organisation_id\", \"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_35782b3b95bcbc9bede4323c6a\" ON \"inbox_access\" (\"inbox_id\", \"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97b820261250875574d0044b61\" ON \"inbox_access\" (\"inbox_id\", \"team_id\") ");
    // Existing inboxes keep working for the people who work them, without opening them to every officer: each gets
    // its own team, and every officer who was assigned one of its conversations or wrote in one. Other officers
    // see such an inbox again once an administrator adds them or their team (PUT /api/v1/inboxes/:id/access).
    await queryRunner.query(
      `INSERT INTO "inbox_access" ("id", "organisation_id", "inbox_id", "team_id", "user_id", "created_at")
       SELECT gen_random_uuid(), "organisation_id", "id", "team_id", NULL, now() FROM "inboxes" WHERE "team_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "inbox_access" ("id", "organisation_id", "inbox_id", "team_id", "user_id", "created_at")
       SELECT gen_random_uuid(), "worked"."organisation_id", "worked"."inbox_id", NULL, "worked"."user_id", now()
         FROM (SELECT "organisation_id", "inbox_id", "assignee_id" AS "user_id" FROM "conversations" WHERE "assignee_id" IS NOT NULL
               UNION
               SELECT "organisation_id", "inbox_id", "sender_user_id" FROM "messages" WHERE "sender_user_id" IS NOT NULL) "worked"
         JOIN "users" ON "users"."id" = "worked"."user_id" AND "users"."organisation_id" = "worked"."organisation_id"
        WHERE "users"."role" = 'officer'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97b820261250875574d0044b61\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_35782b3b95bcbc9bede4323c6a\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ed285f02a934dee03d8d0e63a0\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_009180c16e54871985ae65bd7a\"");
    await queryRunner.query("DROP TABLE \"inbox_access\"");
  }
}
