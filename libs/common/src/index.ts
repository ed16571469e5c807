export * from './api-error-code.enum';
export * from './api-exception.filter';
export * from './api.exception';
export * from './hmac-signature.util';
export * from './secret-box';
export * from './validate-input.util';
export * from './json-value.type';
