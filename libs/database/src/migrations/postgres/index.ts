import { CreateInboxCore1795304442054 } from './1795304442054-CreateInboxCore';

// In order of application. Never edit a migration once it has landed; add a new one.
export const POSTGRES_MIGRATIONS: Function[] = [
  CreateInboxCore1795304442054,
];
