// Entities: for relations in other entities, registration and migrations (libs/database), and tests. Other
// modules ask this library's services (ESLint allows type imports only; see docs/architecture.md, Boundaries).
export * from './contact.entity';
