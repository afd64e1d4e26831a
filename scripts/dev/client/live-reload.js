// briefpress dev server: injected into served HTML pages only (never into files on disk).
// Reloads the page after each rebuild, shows "Rebuilding…" while one runs, lets the
// error overlay be dismissed, and adds a "Print view" button to each brief's page.
(() => {
  const badge = document.createElement('div');
  badge.id = 'briefpress-badge';
  badge.setAttribute('role', 'status');
  badge.style.cssText =
    'position:fixed;right:12px;bottom:12px;z-index:2147483647;display:flex;gap:8px;align-items:center;' +
    'font:13px/1.3 system-ui,sans-serif;background:#1f2933;color:#fff;padding:6px 10px;border-radius:6px;box-shadow:0 2px 8px #0004';
  const status = document.createElement('span');
  badge.append(status);

  const brief = /\/briefs\/([a-z0-9-]+)\.html$/.exec(location.pathname);
  if (brief) {
    const link = document.createElement('a');
    link.href = `/__print/${brief[1]}`;
    link.textContent = 'Print view';
    link.style.cssText = 'color:#9ad0ff;font-weight:600';
    badge.append(link);
  }
  const show = () => {
    badge.style.display = badge.childElementCount > 1 || status.textContent ? 'flex' : 'none';
  };
  const mount = () => {
    document.body.append(badge);
    show();
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // Warnings (a brief over its page budget, a guessed source) do not block the page: count them here.
  const showWarnings = (messages) => {
    const warnings = messages.filter((line) => line.includes(': warning: '));
    if (document.getElementById('briefpress-overlay')) return;
    status.textContent = warnings.length ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'} (see the terminal)` : '';
    status.title = warnings.join('\n');
    show();
  };
  fetch('/__status')
    .then((response) => response.json())
    .then(({ messages }) => showWarnings(messages))
    .catch(() => {});

  document.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('[data-briefpress-dismiss]')) target.closest('#briefpress-overlay')?.remove();
  });

  // Which page this is: the server then waits for its reload only when it is one of those a build updates early.
  const events = new EventSource(`/__events?page=${encodeURIComponent(decodeURI(location.pathname))}`);
  events.addEventListener('building', () => {
    status.textContent = 'Rebuilding…';
    show();
  });
  // `updated`: the pages of the briefs just printed are written (the rest of the archive is
  // still being made): this page reloads now if it is one of them, and then only refreshes
  // its warnings at the `reload` that ends the build, unless that build has errors to show.
  const EARLY = 'briefpress-reloaded-early';
  events.addEventListener('updated', (event) => {
    const { version, pages } = JSON.parse(event.data);
    if (!pages.includes(decodeURI(location.pathname))) return;
    sessionStorage.setItem(EARLY, String(version));
    location.reload();
  });
  events.addEventListener('reload', (event) => {
    const { version, messages } = JSON.parse(event.data);
    const early = sessionStorage.getItem(EARLY) === String(version);
    sessionStorage.removeItem(EARLY);
    if (early && !messages.some((line) => line.includes(': error: '))) showWarnings(messages);
    else location.reload();
  });
  events.onerror = () => {
    status.textContent = 'Dev server stopped; reconnecting…';
    show();
  };
  events.onopen = () => {
    if (status.textContent.startsWith('Dev server')) location.reload();
  };
})();
