import { ExtractionLimits } from './extraction/extraction-thread';

// A bylaw or a guide is a few hundred kilobytes; 10 MB leaves room for scanned pages and embedded fonts.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

// What reading one file may cost the worker: a minute of one core and half a gigabyte in its own thread.
export const EXTRACTION_LIMITS: ExtractionLimits = { timeoutMilliseconds: 60_000, memoryMegabytes: 512, maxPages: 1_000 };
