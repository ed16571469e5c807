export * from './realtime-event.enum';
export * from './realtime.module';
export * from './realtime.publisher';
