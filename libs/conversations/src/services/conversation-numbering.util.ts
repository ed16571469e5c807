import { Organisation } from '@app/identity';
import { EntityManager } from 'typeorm';

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
