// What the gateway takes from the worker app (@app/worker): its processors, run in the same process when
// WASL_ROLE=all.
export { WorkerModule } from './worker.module';
