export * from './api/api-channel.adapter';
export * from './api/api-inbound-message.dto';
export * from './channel-adapter.registry';
export * from './channel-error';
export * from './channel-kind.enum';
export * from './channel-message.types';
export * from './outbound-channel.adapter';
