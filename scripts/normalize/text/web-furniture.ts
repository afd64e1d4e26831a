/**
 * A web page's furniture that a print export or a copied page keeps: sign-up boxes ("Stay
 * informed" / "Sign up to be the first to hear …" / the consent line), "Skip Navigation",
 * "Share this", "Related Content", "More Press Releases". Found by evidence, never by one
 * site's words: short lines with no sentence punctuation that call to an action (the verbs
 * of a web page's buttons, in any site's wording), consent lines that name a privacy policy,
 * and a line said twice in a row, in a cluster at the top or the foot of the text.
 */
import { isBlank, type SourceLine } from './source-lines.js';

/** A button's or a box's words: a call to an action or a site section, at the start of a short line. */
const callToAction =
  /^(?:sign[- ]?up|subscribe|share(?: this)?|follow(?: us)?|donate|join(?: us)?|learn more|read more|view (?:the )?(?:original|full (?:article|story|post|page|text)|in (?:your )?browser|online)|explore|get (?:updates|involved|the latest)|stay (?:informed|connected|in touch)|skip (?:navigation|to)|related(?: content| posts?| articles?| issues?)?|more (?:\p{L}+ )?(?:press releases|posts|news|stories|articles)|thanks? (?:you )?for (?:signing up|subscribing)|we respect your privacy|(?:report|spotted) an? (?:error|mistake|problem|typo)|report (?:error|a problem))\b/iu;
/** An appeal for money or membership. */
const appeal =
  /^(?:support (?:our|us|this)|become a (?:friend|member|supporter|donor|sustainer)|donate|(?:our|this) work is (?:only )?possible (?:with|thanks to)|(?:we|our work) (?:depends?|rel(?:y|ies)) on (?:you|your|readers|donations))\b/i;
/** A consent line under a form: it names the privacy policy (or terms) and the reader's agreement. */
const consent = /\b(?:privacy (?:policy|statement|notice)|terms of (?:use|service))\b/i;

/**
 * A page's reading time, alone on its line or after the date ("Reading time: 56 minutes",
 * "17 min read", "February 12, 2024 17 min read Download Report"): what the site says of the
 * page, not a word of the text. Returns the part before it (a date, or nothing).
 */
const readingTime =
  /^(.*?)\s*(?:\breading\s+time\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?|mins?)\b|\b\d{1,3}[\s-]*min(?:ute)?s?\s+read\b)(?:\s+(?:download|print|share|listen|save)(?:\s+(?:report|pdf|article|page|this))?)*\s*$/i;
export function readingTimeLine(text: string): { before: string } | undefined {
  const m = readingTime.exec(text.trim());
  return m ? { before: m[1]!.trim() } : undefined;
}

/**
 * A page's offer of its publication's files, on a line of its own ("This publication is
 * available in the following format:", "Available formats: PDF", "Download the full report
 * (PDF)", "Read the full testimony (PDF)"): its links are gone in the text, and the line is the site's, not the text's.
 */
const formatOffer =
  /^(?:this\s+(?:publication|report|document|paper|page)\s+is\s+(?:also\s+)?available\s+(?:in|as)\b[^.!?]*|(?:also\s+)?available\s+(?:formats?|in\s+the\s+following\s+(?:formats?|languages?))\b[^.!?]*|(?:download|read)\s+(?:the\s+)?(?:full\s+)?(?:report|pdf|publication|document|testimony|letter|comments?|statement|submission|filing)(?:\s*\((?:pdf|\d+\s*[km]b)[^)]*\))?)\s*:?$/i;
export const isFormatOffer = (text: string): boolean => text.trim().split(/\s+/).length <= 14 && formatOffer.test(text.trim());

/**
 * A button's word on a line of its own, as a saved page keeps it where the button was ("Share",
 * "• Share", "Print", "Tweet", "Email this"): the page's, never a word of the text, wherever it
 * stands (a cluster of them is found by `findWebFurniture` too).
 */
const button =
  /^(?:[•▪◦‣*-]\s+)?(?:share|print|tweet|e-?mail|save|download|share (?:this|on \p{L}+)|print (?:this|page)|e-?mail this|back to top)$/iu;
export const isButtonLine = (text: string): boolean => button.test(text.trim());

/**
 * A document host's furniture around the document it shows (Scribd's "Download as pdf or txt",
 * "You are on page 1of 2", "You might also like"; a viewer's "Citation preview", "Embed Size
 * (px)"; the "Upload: others" / "Post on 25-May-2020" / "3 views" / "0 download" / "TRANSCRIPT"
 * lines of vdocument.in's and vdocuments.mx's template): the host's page, never the document's text.
 */
const documentHost =
  /^(?:download as (?:pdf|txt|docx?|epub)(?:,? or (?:pdf|txt|docx?|epub))*|you are on page \d+\s*of\s*\d+|you might also like|citation preview|embed size \(px\)|upload: others|post(?:ed)? on \d{1,2}-\p{L}{3}-\d{4}|\d+ (?:views?|downloads?)|transcript)$/iu;
export const isDocumentHostLine = (text: string): boolean => documentHost.test(text.trim());

/**
 * A government site's banner, which every page of the site prints above its text: "An official
 * website of the United States government / Here's how you know / The .gov means it's official.
 * …" (the US Web Design System's, used by federal agencies: the FTC, the FEC), or the EU's "An
 * official website of the European Union / How do you know?". It starts with the line that says
 * the site is official, or with a skip link or "Here's how you know" just before it; it goes on
 * while its lines explain the site's address or its security (a one- or two-word label, "Dot gov",
 * "SSL", between them). Indexes into `kept`, from 0; empty when the text has no such banner.
 */
const officialSite = /^an\s+official\s+(?:web\s?)?site\s+of\b/i;
const bannerWords =
  /(?:\.gov\b|\.mil\b|europa\.eu\b|https?:\/\/|\bofficial\b|\bsecure(?:ly)?\b|\bencrypted\b|\b(?:pad)?lock\b|\bhow\s+(?:do\s+)?you\s+know\b|\bskip\s+(?:navigation|to\b))/i;
function siteBanner(texts: readonly string[]): number {
  const start = texts.slice(0, 4).findIndex((t) => officialSite.test(t.trim()));
  if (start < 0 || !texts.slice(0, start).every((t) => bannerWords.test(t))) return 0;
  let end = start + 1;
  for (let k = start + 1; k < Math.min(texts.length, start + 16); k++) {
    if (bannerWords.test(texts[k]!)) end = k + 1;
    else if (words(texts[k]!) > 2) break;
  }
  return end;
}

/**
 * A picture's credit on a line of its own, where the picture was ("Photo Credit: Getty", "Image:
 * CC Licensed Matt Britt/The Opte Project", "Photo by … on Unsplash", "(Photo: AFP)"): the
 * picture is gone from the text, and its credit is not a word of the text (rule `image-credit`).
 */
/** The label a picture's credit opens with ("Photo Credit:", "Image:", "Photo by", "Image courtesy of", "Credit:"); also read by the summary's caption test. */
export const pictureCreditLabel = String.raw`\(?(?:(?:cover|header|featured|top|lead|banner)\s+)?(?:photo(?:graph)?|image|picture|illustration|graphic|artwork)s?(?:\s+(?:credits?|courtesy|source))?\s*(?::\s*\S|(?:by|via)\s+\p{Lu}|courtesy\s+(?:of\s+)?\p{Lu})|\(?(?:photo\s+)?(?:credits?|courtesy)\s*:\s*\S`;
const imageCredit = new RegExp(`^(?:${pictureCreditLabel})`, 'iu');
export const isImageCredit = (text: string): boolean => {
  const t = text.trim();
  return t.split(/\s+/).length <= 14 && imageCredit.test(t) && !/[.!?]\s+\p{Lu}/u.test(t);
};

const words = (text: string) => text.trim().split(/\s+/).length;
const endsSentence = (text: string) => /[.!?]["”’)]?$/.test(text.trim());

/** Is a line furniture by itself: a short call to an action, or a consent line? */
export function isFurnitureLine(text: string): boolean {
  const t = text.trim().replace(/^[-*•]\s+/, '');
  if (!t) return false;
  // An appeal for support is a sentence, often a long one ("Support our work: become a Friend of … from as little as £1 per month.").
  if (appeal.test(t) && words(t) <= 20) return true;
  if (callToAction.test(t) && (words(t) <= 12 || !endsSentence(t) || /^sign[- ]?up\b/i.test(t))) return words(t) <= 16;
  return consent.test(t) && /\bagree|consent|accept\b/i.test(t) && words(t) <= 40;
}

/**
 * Indexes of furniture lines: the run of short lines at the top before the first sentence
 * when most of them are furniture, and the foot of the text from the first furniture line
 * after the last paragraph that is not (with what a "Related" box quotes under it), when
 * the foot has two furniture lines or more and is short.
 */
export function findWebFurniture(lines: readonly SourceLine[], keep: (index: number) => boolean = () => true): Set<number> {
  const found = new Set<number>();
  const text = (i: number) => lines[i]!.text;
  const kept = lines.map((_, i) => i).filter((i) => !isBlank(lines[i]) && keep(i));
  if (!kept.length) return found;

  // A government site's banner, then the top's short lines after it.
  const banner = siteBanner(kept.map(text));
  for (const i of kept.slice(0, banner)) found.add(i);
  // The top: short lines before the first line of running text.
  const top: number[] = [];
  for (const i of kept.slice(banner)) {
    if (words(text(i)) > 12 && endsSentence(text(i))) break;
    top.push(i);
    if (top.length > 8) break;
  }
  const topFurniture = top.filter((i) => isFurnitureLine(text(i)));
  if (topFurniture.length >= 2 && topFurniture.length * 2 >= top.length) {
    // Up to the last furniture line: what follows it may be the title.
    const last = topFurniture.at(-1)!;
    for (const i of top) if (i <= last) found.add(i);
  }

  // The foot: from the first furniture line whose lines after it are mostly furniture or quoted.
  // Counts from the end (suffix sums): one pass, whatever the number of candidates.
  const n = kept.length;
  const isFurniture = kept.map((i, k) => isFurnitureLine(text(i)) || (k > 0 && text(kept[k - 1]!).trim() === text(i).trim()));
  const isRunning = kept.map((i) => !isFurnitureLine(text(i)) && words(text(i)) > 12 && endsSentence(text(i)));
  const furnitureFrom = new Array<number>(n + 1).fill(0);
  const runningFrom = new Array<number>(n + 1).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    furnitureFrom[k] = furnitureFrom[k + 1]! + (isFurniture[k] ? 1 : 0);
    runningFrom[k] = runningFrom[k + 1]! + (isRunning[k] ? 1 : 0);
  }
  const from = Math.max(0, n - Math.max(15, Math.ceil(n / 3)));
  for (let k = from; k < n; k++) {
    const i = kept[k]!;
    const repeated = k + 1 < n && text(kept[k + 1]!).trim() === text(i).trim();
    if (!isFurnitureLine(text(i)) && !repeated) continue;
    const rest = n - k;
    // Sentences under it are few: what a "Related" box quotes, not the text going on.
    // and most of the text's sentences come before it.
    if (runningFrom[k]! * 3 > rest || runningFrom[k]! * 2 > runningFrom[0]!) continue;
    const furniture = furnitureFrom[k]! + (repeated && !isFurniture[k] ? 1 : 0);
    if (furniture >= 2 || (furniture === 1 && rest === 1 && /^more\b/i.test(text(i).trim()))) {
      for (let j = k; j < n; j++) found.add(kept[j]!);
      // The page's appeal said once more at the top ("Support our work: become a Friend of …" under the title).
      for (const t of kept.slice(0, 5)) if (isFurnitureLine(text(t))) found.add(t);
      break;
    }
  }
  return found;
}
