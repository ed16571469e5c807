import { QueryRunner } from 'typeorm';

// Frozen with migration UnifyWorkingHours (both drivers): never edit it, add a new migration instead.
//
// Web chat stored `workingHours` as { timeZone?, days?, from?, to? } with defaults filled at read time, voice as
// { days, opensAt, closesAt } in Riyadh time. Up rewrites both into the one shape, complete:
// { timeZone, days, from, to }. Down gives voice inboxes back their former shape (Riyadh time); web chat's complete
// shape was already valid before.
type Shape = Record<string, unknown>;

function unified(hours: Shape): Shape {
  if ('opensAt' in hours || 'closesAt' in hours) {
    return { timeZone: 'Asia/Riyadh', days: hours.days ?? [], from: hours.opensAt, to: hours.closesAt };
  }
  // Web chat accepted 24:00 to 24:59 as the end of the day; the one shape knows 24:00.
  const to = typeof hours.to === 'string' && hours.to.startsWith('24:') ? '24:00' : (hours.to ?? '16:00');
  return { timeZone: hours.timeZone ?? 'Asia/Riyadh', days: hours.days ?? [0, 1, 2, 3, 4], from: hours.from ?? '08:00', to };
}

function former(hours: Shape): Shape {
  // Voice read its hours as 00:00 to 23:59, a closing time before the opening one running past midnight.
  return { days: hours.days, opensAt: hours.from, closesAt: hours.to === '24:00' ? '00:00' : hours.to };
}

export async function rewriteWorkingHours(queryRunner: QueryRunner, direction: 'up' | 'down'): Promise<void> {
  const placeholder = (index: number) => (queryRunner.connection.options.type === 'postgres' ? `$${index}` : '?');
  const rows: Array<{ id: string; channel: string; settings: string }> = await queryRunner.query(
    `SELECT "id", "channel", "settings" FROM "inboxes" WHERE "settings" LIKE '%"workingHours"%'`,
  );
  for (const row of rows) {
    const settings = JSON.parse(row.settings) as Shape;
    const hours = settings.workingHours;
    if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) continue;
    if (direction === 'down' && row.channel !== 'voice') continue;
    settings.workingHours = direction === 'up' ? unified(hours as Shape) : former(hours as Shape);
    await queryRunner.query(`UPDATE "inboxes" SET "settings" = ${placeholder(1)} WHERE "id" = ${placeholder(2)}`, [
      JSON.stringify(settings),
      row.id,
    ]);
  }
}
