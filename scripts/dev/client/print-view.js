// The print view: draws every page of the brief's real PDF with pdf.js, marking the
// pages past the brief's page budget. Falls back to the browser's own PDF viewer.
const root = document.getElementById('pages');
const { pdf, budget, pdfjs } = root.dataset;

function fallback(reason) {
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = `Showing the PDF in the browser's viewer (${reason}).`;
  const frame = document.createElement('iframe');
  frame.src = pdf;
  frame.title = 'The printed PDF';
  frame.className = 'fallback';
  root.replaceChildren(note, frame);
}

async function draw() {
  if (!pdfjs) return fallback('pdf.js is not installed');
  const lib = await import(`${pdfjs}/pdf.min.mjs`);
  lib.GlobalWorkerOptions.workerSrc = `${pdfjs}/pdf.worker.min.mjs`;
  const doc = await lib.getDocument({ url: pdf, isEvalSupported: false }).promise;
  const scale = Math.min(2, (window.devicePixelRatio || 1) * 1.25);
  const limit = Number(budget);
  root.replaceChildren();
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / scale)}px`;
    const figure = document.createElement('figure');
    figure.className = number > limit ? 'page over' : 'page';
    const caption = document.createElement('figcaption');
    caption.textContent = `Page ${number} of ${doc.numPages}${number > limit ? ' — over the page budget' : ''}`;
    figure.append(canvas, caption);
    root.append(figure);
    await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  document.body.dataset.rendered = String(doc.numPages);
}

draw().catch((error) => fallback(error instanceof Error ? error.message : String(error)));
