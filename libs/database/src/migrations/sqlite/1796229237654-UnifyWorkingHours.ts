import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteWorkingHours } from '../rewrite-working-hours.util';

// One working-hours shape for every channel: existing inboxes' settings.workingHours rewritten into
// { timeZone, days, from, to } (voice's { days, opensAt, closesAt } and web chat's partial hours).
export class UnifyWorkingHours1796229237654 implements MigrationInterface {
  name = 'UnifyWorkingHours1796229237654';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteWorkingHours(queryRunner, 'up');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteWorkingHours(queryRunner, 'down');
  }
}
