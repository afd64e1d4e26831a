// briefpress finds a browser itself (see scripts/browser.ts); Puppeteer must never
// try to download one, since many machines that build briefs have no internet.
module.exports = { skipDownload: true };
