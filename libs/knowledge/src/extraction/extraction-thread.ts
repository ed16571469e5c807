import { Worker } from 'node:worker_threads';
import { DocumentFormat } from './document-format';
import { PdfPageText } from './pdf-page-layout.util';

export type ThreadResult = { format: DocumentFormat.Pdf; pages: PdfPageText[] } | { format: DocumentFormat.Docx; html: string };

export interface ExtractionLimits {
  timeoutMilliseconds: number;
  memoryMegabytes: number;
  maxPages: number;
}

export class DocumentUnreadableError extends Error {}

// The thread only runs the parsers and hands back their raw output; everything Wasl decides about that text
// (reading order, normalisation, structure) happens in tested TypeScript outside it. pdf.js never evaluates code
// from a font (isEvalSupported: false), and the thread's memory cap and the timeout bound what a hostile or broken
// file can cost the worker: its event loop and heap are not the thread's.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
async function pdfPages(bytes, maxPages) {
  const { getDocumentProxy } = require(workerData.unpdfPath);
  const pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  if (pdf.numPages > maxPages) throw new Error('The PDF has ' + pdf.numPages + ' pages; at most ' + maxPages + ' are read');
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ disableNormalization: true });
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str.length === 0) continue;
      const [, , c, d, x, y] = item.transform;
      items.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) || item.height, rightToLeft: item.dir === 'rtl' });
    }
    pages.push({ number, items });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}
async function run() {
  const { format, bytes, maxPages } = workerData;
  if (format === 'pdf') return { format, pages: await pdfPages(bytes, maxPages) };
  const mammoth = require(workerData.mammothPath);
  const converted = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { format, html: converted.value };
}
run().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error).slice(0, 300) }),
);
`;

// Reads a PDF's text layer or a Word file's content in a worker thread.
export function runExtractionThread(
  format: DocumentFormat.Pdf | DocumentFormat.Docx,
  content: Buffer,
  limits: ExtractionLimits,
): Promise<ThreadResult> {
  const bytes = new Uint8Array(content);
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { format, bytes, maxPages: limits.maxPages, unpdfPath: require.resolve('unpdf'), mammothPath: require.resolve('mammoth') },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMegabytes },
    stdout: true,
    stderr: true,
  });
  // pdf.js may still print about fonts it does not know; nothing of it is for the worker's log.
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise<ThreadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new DocumentUnreadableError(`Reading the file took longer than ${limits.timeoutMilliseconds / 1000} s`));
    }, limits.timeoutMilliseconds);
    const settle = () => clearTimeout(timer);
    worker.once('message', (message: { ok: true; result: ThreadResult } | { ok: false; message: string }) => {
      settle();
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new DocumentUnreadableError(`The file could not be read: ${message.message}`));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle();
      reject(
        new DocumentUnreadableError(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'The file needs too much memory to read'
            : `The file could not be read: ${error.message}`,
        ),
      );
    });
    worker.once('exit', (code) => {
      settle();
      if (code !== 0) reject(new DocumentUnreadableError('The file could not be read'));
    });
  });
}
