import { CreateInboxCore1795304669515 } from './1795304669515-CreateInboxCore';

// In order of application. Never edit a migration once it has landed; add a new one.
export const POSTGRES_MIGRATIONS: Function[] = [
  CreateInboxCore1795304669515,
];
