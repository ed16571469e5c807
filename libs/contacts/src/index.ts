export { IdentityKind } from './contact.entity';
export * from './contacts.module';
export * from './contacts.service';
export * from './phone-number.util';
