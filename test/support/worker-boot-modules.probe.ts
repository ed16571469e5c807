// Loads the worker's module graph, as its boot does, and prints which twilio-node files came with it.
import '../../apps/worker/src/worker-app.module';

const loaded = Object.keys(require.cache).filter((path) => path.includes('/node_modules/twilio/'));
process.stdout.write(JSON.stringify(loaded.map((path) => path.slice(path.indexOf('/node_modules/twilio/') + '/node_modules/'.length))));
