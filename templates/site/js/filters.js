/*
 * Home page filters by kind, topic, year and author, over every brief of the archive: the
 * page lists only the newest, so the first filter loads assets/filter-data.js (every
 * brief's kind, topics, year, authors and links, as a script, which works from file://)
 * and shows the matching briefs a page at a time. Progressive enhancement: without
 * JavaScript the form stays hidden and the year, topic and author pages do the filtering.
 * The choice is kept in the URL's #fragment, so it survives reloads, also from file://.
 * Results are built with DOM methods (textContent), never from HTML strings.
 */
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var results = document.getElementById('filter-results');
  if (!form || !results) return;
  var root = form.getAttribute('data-root') || '';
  var list = results.querySelector('.cards');
  var empty = results.querySelector('.filter-results__empty');
  var status = form.querySelector('[role="status"]');
  var newest = Array.prototype.slice.call(document.querySelectorAll('[data-year]'));
  var names = ['tag', 'year', 'author'];
  var data = null;
  var loading = false;
  var PAGE = 50;
  var pending = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function lang() {
    return document.documentElement.lang || 'en';
  }

  function count(n) {
    try {
      return n.toLocaleString(lang());
    } catch (e) {
      return String(n);
    }
  }

  function longDate(iso) {
    try {
      return new Date(iso + 'T00:00:00Z').toLocaleDateString(lang(), { dateStyle: 'long', timeZone: 'UTC' });
    } catch (e) {
      return iso;
    }
  }

  function chosen() {
    var checked = form.querySelector('input[name="kind"]:checked');
    var choice = { kind: checked ? checked.value : '' };
    names.forEach(function (name) {
      choice[name] = form.elements.namedItem(name).value;
    });
    return choice;
  }

  function keepInUrl(choice) {
    var params = new URLSearchParams();
    ['kind'].concat(names).forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
    });
    var hash = params.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (e) {
      /* some file:// contexts refuse; the filter still works */
    }
  }

  function load() {
    if (loading) return;
    loading = true;
    var tag = document.createElement('script');
    tag.src = form.getAttribute('data-src');
    tag.onload = function () {
      data = window.briefpressFilters || null;
      if (data) apply();
      else status.textContent = 'The filters could not load the list of publications.';
    };
    tag.onerror = function () {
      status.textContent = 'The filters could not load the list of publications.';
    };
    document.head.appendChild(tag);
  }

  function card(brief) {
    var item = el('li', 'card');
    var article = el('article');
    var kicker = el('p', 'card__kicker');
    kicker.appendChild(el('span', 'kind kind--' + brief[4], data.kinds[brief[4]] || brief[4]));
    if (brief[3]) {
      var time = el('time', '', longDate(brief[3]));
      time.setAttribute('datetime', brief[3]);
      kicker.appendChild(document.createTextNode(' '));
      kicker.appendChild(time);
    }
    var title = el('h3', 'card__title');
    var link = el('a', '', brief[0]);
    link.href = root + brief[1];
    title.appendChild(link);
    article.appendChild(kicker);
    article.appendChild(title);
    if (brief[6].length) {
      var authors = el('p', 'card__authors', 'By ');
      brief[6].forEach(function (i, k) {
        if (k > 0) authors.appendChild(document.createTextNode(k === brief[6].length - 1 ? ' and ' : ', '));
        var a = el('a', '', data.authors[i][1]);
        a.href = root + 'authors/' + data.authors[i][0] + '.html';
        authors.appendChild(a);
      });
      article.appendChild(authors);
    }
    var foot = el('div', 'card__foot');
    var pdf = el('a', 'pdf-link', 'PDF');
    pdf.href = root + brief[2];
    pdf.setAttribute('type', 'application/pdf');
    pdf.appendChild(el('span', 'visually-hidden', ' of “' + brief[0] + '”'));
    pdf.appendChild(el('span', 'pdf-link__meta', ' ' + brief[7]));
    foot.appendChild(pdf);
    article.appendChild(foot);
    item.appendChild(article);
    return item;
  }

  var more = el('button', 'button search-more');
  more.type = 'button';
  more.hidden = true;
  results.appendChild(more);
  function showMore() {
    pending.splice(0, PAGE).forEach(function (brief) {
      list.appendChild(card(brief));
    });
    more.hidden = pending.length === 0;
    more.textContent = 'Show more (' + count(pending.length) + ' left)';
  }
  more.addEventListener('click', function () {
    var first = list.children.length;
    showMore();
    var next = list.children[first] && list.children[first].querySelector('a');
    if (next) next.focus();
  });

  function apply() {
    var choice = chosen();
    keepInUrl(choice);
    var any = choice.kind || choice.tag || choice.year || choice.author;
    if (!any) {
      results.hidden = true;
      newest.forEach(function (section) {
        section.hidden = false;
      });
      status.textContent = '';
      return;
    }
    if (!data) {
      status.textContent = 'Loading…';
      return load();
    }
    var tag = choice.tag ? data.tags.indexOf(choice.tag) : -1;
    var author = -1;
    if (choice.author) {
      data.authors.forEach(function (a, i) {
        if (a[0] === choice.author) author = i;
      });
    }
    var matches = data.briefs.filter(function (b) {
      return (
        (!choice.kind || b[4] === choice.kind) &&
        (!choice.tag || b[5].indexOf(tag) !== -1) &&
        (!choice.author || b[6].indexOf(author) !== -1) &&
        (!choice.year || (choice.year === 'undated' ? !b[3] : b[3].slice(0, 4) === choice.year))
      );
    });
    newest.forEach(function (section) {
      section.hidden = true;
    });
    results.hidden = false;
    list.textContent = '';
    pending = matches.slice();
    showMore();
    empty.hidden = matches.length > 0;
    status.textContent =
      matches.length === 0
        ? 'No publication matches these filters.'
        : count(matches.length) + ' of ' + count(data.briefs.length) + (data.briefs.length === 1 ? ' publication' : ' publications');
  }

  var initial = new URLSearchParams(location.hash.slice(1));
  var kind = initial.get('kind');
  if (kind) {
    var radio = form.querySelector('input[name="kind"][value="' + (window.CSS && CSS.escape ? CSS.escape(kind) : kind) + '"]');
    if (radio) radio.checked = true;
  }
  names.forEach(function (name) {
    var value = initial.get(name);
    var select = form.elements.namedItem(name);
    if (value && select.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]')) select.value = value;
  });

  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener('reset', function () {
    setTimeout(apply, 0);
  });
  empty.querySelector('button').addEventListener('click', function () {
    form.reset();
  });
  if (kind || names.some(function (name) { return initial.get(name); })) apply();
})();
