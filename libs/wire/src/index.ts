// Wire types shared by the gateway, the worker, the web chat widget and the staff web app. Framework-free (no
// Nest, TypeORM or class-validator: ESLint refuses them here), so the browser bundles import it as it is.
export * from './agents-event.enum';
export * from './conversation-view.types';
export * from './serialised.type';
export * from './webchat-protocol.types';
