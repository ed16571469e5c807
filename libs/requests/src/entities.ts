// Entities: for relations in other entities, registration and migrations (libs/database), and tests. Other
// modules ask this library's services (ESLint allows type imports only; see docs/architecture.md, Boundaries).
export * from './entities/committee-vote.entity';
export * from './entities/registered-beneficiary.entity';
export * from './entities/request-attestation.entity';
export * from './entities/request-document.entity';
export * from './entities/request-event.entity';
export * from './entities/request-settings.entity';
export * from './entities/request-type.entity';
export * from './entities/service-delivery.entity';
export * from './entities/support-request.entity';
