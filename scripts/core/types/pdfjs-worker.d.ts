/** pdf.js's worker code, loaded into the reading thread (pdf/read-pdf.ts); it ships no types. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
