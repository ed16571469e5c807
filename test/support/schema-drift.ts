import { DataSource } from 'typeorm';

// The SQL TypeORM would still need to run for the schema to match the entities. Empty means the
// migrations (the only way the schema changes) are complete for this driver.
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
