export * from './agents-audience.util';
export * from './agents-rooms.util';
export * from './organisation-channel.subscriber';
export * from './realtime.module';
export * from './realtime.publisher';
