import { TransactionRunner } from '@app/database';
import { EntityManager, Repository } from 'typeorm';
import { AuditLog } from './audit-log.entity';
import { AuditAction, AuditEntry, AuditService } from './audit.service';

const ORGANISATION = '00000000-0000-4000-8000-000000000001';

function read(subjectId: string): AuditEntry {
  return {
    organisationId: ORGANISATION,
    actorUserId: null,
    action: AuditAction.ConversationViewed,
    subjectType: 'conversation',
    subjectId,
  };
}

describe(AuditService.name, () => {
  let inserted: AuditLog[][];
  let transactions: number;
  let failNext: boolean;
  let sut: AuditService;

  beforeEach(() => {
    inserted = [];
    transactions = 0;
    failNext = false;
    const manager = {
      insert: jest.fn(async (_entity: unknown, rows: AuditLog[]) => {
        if (failNext) throw new Error('database down');
        inserted.push(rows);
      }),
    } as unknown as EntityManager;
    const runner = {
      run: jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => {
        transactions += 1;
        return work(manager);
      }),
    } as unknown as TransactionRunner;
    sut = new AuditService({} as Repository<AuditLog>, runner);
  });

  it('should write the reads of one tick with one INSERT and resolve each caller once it is committed', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, index) => sut.recordRead(read(`c-${index}`))));
    expect(transactions).toBe(1);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].map((row) => row.subjectId)).toEqual(Array.from({ length: 40 }, (_, index) => `c-${index}`));
    expect(inserted[0].every((row) => row.details === null && row.createdAt instanceof Date)).toBe(true);
  });

  it('should split a large tick into INSERTs of at most 500 rows', async () => {
    await Promise.all(Array.from({ length: 1_200 }, (_, index) => sut.recordRead(read(`c-${index}`))));
    expect(inserted.map((rows) => rows.length)).toEqual([500, 500, 200]);
  });

  it('should fail every read of a batch that could not be written, so no request answers without its row', async () => {
    failNext = true;
    const results = await Promise.allSettled([sut.recordRead(read('a')), sut.recordRead(read('b'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    failNext = false;
    await sut.recordRead(read('c'));
    expect(inserted.map((rows) => rows.map((row) => row.subjectId))).toEqual([['c']]);
  });
});
