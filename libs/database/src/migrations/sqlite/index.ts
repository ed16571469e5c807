import { CreateInboxCore1795304670984 } from './1795304670984-CreateInboxCore';

// In order of application. Never edit a migration once it has landed; add a new one.
export const SQLITE_MIGRATIONS: Function[] = [
  CreateInboxCore1795304670984,
];
