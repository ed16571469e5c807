export * from './data-source-options';
export * from './database.module';
export * from './run-migrations.util';
export * from './snake-naming.strategy';
export * from './portable-column.decorator';
export * from './transaction.runner';
export * from './search';
