// Entities: for relations in other entities, registration and migrations (libs/database), and tests. Other
// modules ask this library's services (ESLint allows type imports only; see docs/architecture.md, Boundaries).
export * from './entities/organisation.entity';
export * from './entities/revoked-staff-token.entity';
export * from './entities/team.entity';
export * from './entities/user.entity';
