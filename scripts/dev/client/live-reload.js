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
  fetch('/__status')
    .then((response) => response.json())
    .then(({ messages }) => {
      const warnings = messages.filter((line) => line.includes(': warning: ')).length;
      if (warnings === 0 || document.getElementById('briefpress-overlay')) return;
      status.textContent = `${warnings} warning${warnings === 1 ? '' : 's'} (see the terminal)`;
      status.title = messages.filter((line) => line.includes(': warning: ')).join('\n');
      show();
    })
    .catch(() => {});

  document.addEventListener('click', (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('[data-briefpress-dismiss]')) target.closest('#briefpress-overlay')?.remove();
  });

  const events = new EventSource('/__events');
  events.addEventListener('building', () => {
    status.textContent = 'Rebuilding…';
    show();
  });
  events.addEventListener('reload', () => location.reload());
  events.onerror = () => {
    status.textContent = 'Dev server stopped; reconnecting…';
    show();
  };
  events.onopen = () => {
    if (status.textContent.startsWith('Dev server')) location.reload();
  };
})();
