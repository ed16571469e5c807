export * from './agents-rooms.util';
export * from './realtime.module';
export * from './realtime.publisher';
