import { EntityManager } from 'typeorm';
import { Organisation } from '../entities/organisation.entity';

// The organisation's conversation counter belongs to identity: conversations take numbers from it through these two
// functions, inside their own transaction (the manager they pass).

// Next human-friendly number for the organisation. The row lock this takes is held until the caller's
// transaction commits, so callers do this as late as they can.
export async function nextConversationNumber(manager: EntityManager, organisationId: string): Promise<number> {
  await manager
    .createQueryBuilder()
    .update(Organisation)
    .set({ conversationCounter: () => 'conversation_counter + 1' })
    .where('id = :organisationId', { organisationId })
    .execute();
  const organisation = await manager.findOneOrFail(Organisation, {
    where: { id: organisationId },
    select: { conversationCounter: true, id: true },
  });
  return organisation.conversationCounter;
}

// PostgreSQL's batch path: one counter update for `count` new conversations; returns the last number taken.
export async function reserveConversationNumbers(manager: EntityManager, organisationId: string, count: number): Promise<number> {
  const [rows]: [Array<{ conversation_counter: number }>] = await manager.query(
    'UPDATE organisations SET conversation_counter = conversation_counter + $2 WHERE id = $1 RETURNING conversation_counter',
    [organisationId, count],
  );
  return rows[0].conversation_counter;
}
