/*
 * Full-text search over the static index built with MiniSearch at build time: the parts
 * that search-index.js lists (one per thousand briefs or so) are loaded as <script> files,
 * so search works from file:// and any server, without fetch. A query asks every part and
 * merges the hits by score. Results are built with DOM methods (textContent), never from
 * HTML strings.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var root = (script && script.getAttribute('data-root')) || '';
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var form = document.querySelector('main form[role="search"]');
  if (!status || !list || !form) return;
  var input = form.querySelector('input[name="q"]');
  var data = window.briefpressSearch;
  var indexes = null;
  var documentCount = 0;
  function unavailable() {
    indexes = [];
    status.textContent = 'Search could not load its index. Browse all briefs instead.';
  }
  if (!data || !Array.isArray(data.parts) || !window.MiniSearch) {
    unavailable();
    return;
  }
  var kinds = { brief: 'Policy brief', post: 'Blog post' };

  /* Terms as the index has them (scripts/archive/search/search-terms.ts): accents folded; a
     hyphenated word indexed whole and in its parts, and looked for whole ("wi-fi" as "wifi"). */
  var SEPARATORS = /[\n\r\p{Z}\p{Pc}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]+/u;
  var DASHES = /\p{Pd}+/u;
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  }
  function tokenize(text) {
    return text.split(SEPARATORS).filter(Boolean);
  }
  function processTerm(token) {
    var parts = fold(token).split(DASHES).filter(Boolean);
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : parts.concat(parts.join(''));
  }
  function queryTerm(token) {
    return fold(token).split(DASHES).join('') || null;
  }
  var options = {
    prefix: true,
    fuzzy: 0.15,
    boost: { title: 3, tags: 2, headings: 1.5, summary: 1.5, authors: 2 },
    tokenize: tokenize,
    processTerm: queryTerm,
  };

  /* A query: its "quoted phrases" (their words must all be there, as typed: no prefix, no typo) and its other words. */
  function parseQuery(text) {
    var phrases = [];
    var rest = text.replace(/["“”„]([^"“”„]*)["“”„]?/g, function (_, phrase) {
      if (phrase.trim()) phrases.push(phrase.trim());
      return ' ';
    });
    return { phrases: phrases, words: rest.trim() };
  }
  function queryOf(parsed, combineWith) {
    var queries = parsed.phrases.map(function (phrase) {
      return { queries: [phrase], combineWith: 'AND', prefix: false, fuzzy: false };
    });
    if (parsed.words) queries.push({ queries: [parsed.words], combineWith: combineWith });
    return { queries: queries, combineWith: combineWith };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function count(n) {
    try {
      return n.toLocaleString(document.documentElement.lang || 'en');
    } catch (e) {
      return String(n);
    }
  }

  function longDate(iso) {
    if (!iso) return '';
    var date = new Date(iso + 'T00:00:00Z');
    try {
      return date.toLocaleDateString(document.documentElement.lang || 'en', { dateStyle: 'long', timeZone: 'UTC' });
    } catch (e) {
      return iso;
    }
  }

  /* Every part's hits, best first; equal scores newest first, then by address, so the order never depends on the parts. */
  function search(query) {
    var hits = [];
    indexes.forEach(function (index) {
      hits = hits.concat(index.search(query, options));
    });
    return hits.sort(function (a, b) {
      return b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
    });
  }

  /* Results are shown a page at a time: thousands of cards per keystroke would make typing lag. */
  var PAGE = 50;
  var pending = [];
  var more = el('button', 'button search-more');
  more.type = 'button';
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  more.addEventListener('click', function () {
    var first = list.children.length;
    showMore();
    var next = list.children[first] && list.children[first].querySelector('a');
    if (next) next.focus();
  });

  function showMore() {
    pending.splice(0, PAGE).forEach(function (hit) {
      list.appendChild(card(hit));
    });
    more.hidden = pending.length === 0;
    more.textContent = 'Show more results (' + count(pending.length) + ' left)';
  }

  function render(query) {
    list.textContent = '';
    pending = [];
    more.hidden = true;
    if (!indexes) {
      status.textContent = 'Loading the search index…';
      return;
    }
    if (!indexes.length) return unavailable();
    if (!query.trim()) {
      status.textContent = 'Type a word or phrase to search ' + count(documentCount) + ' publications.';
      return;
    }
    var parsed = parseQuery(query);
    var words = tokenize(parsed.phrases.join(' ') + ' ' + parsed.words).length;
    var hits = search(queryOf(parsed, 'AND'));
    var some = hits.length ? [] : words > 1 ? search(queryOf(parsed, 'OR')) : [];
    var quoted = '“' + query.trim() + '”';
    if (hits.length) {
      status.textContent = count(hits.length) + (hits.length === 1 ? ' publication has ' : ' publications have ') +
        (words > 1 ? 'all the words of ' : '') + quoted + '.';
    } else if (some.length) {
      status.textContent = 'No publication has all the words of ' + quoted + '; ' + count(some.length) +
        (some.length === 1 ? ' has some of them.' : ' have some of them.');
      hits = some;
    } else {
      status.textContent = 'No publication matches ' + quoted + '.';
    }
    pending = hits;
    showMore();
  }

  /* `text` with the words the hit matched in <mark>: a word whose terms (as indexed) include one of the hit's terms. */
  function marked(tag, className, text, terms) {
    var node = el(tag, className);
    var last = 0;
    text.replace(/[^\n\r\p{Z}\p{Pc}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}]+/gu, function (word, at) {
      var forms = processTerm(word);
      forms = forms === null ? [] : [].concat(forms);
      if (!forms.some(function (f) { return terms[f]; })) return word;
      if (at > last) node.appendChild(document.createTextNode(text.slice(last, at)));
      node.appendChild(el('mark', '', word));
      last = at + word.length;
      return word;
    });
    if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  function card(hit) {
    var terms = {};
    (hit.terms || []).forEach(function (t) {
      terms[t] = true;
    });
    var item = el('li', 'card');
    var article = el('article');
    var kicker = el('p', 'card__kicker');
    kicker.appendChild(el('span', 'kind kind--' + hit.kind, kinds[hit.kind] || hit.kind));
    if (hit.date) {
      var time = el('time', '', longDate(hit.date));
      time.setAttribute('datetime', hit.date);
      kicker.appendChild(time);
    }
    var title = el('h2', 'card__title');
    var link = marked('a', '', hit.title, terms);
    link.href = root + hit.url;
    title.appendChild(link);
    article.appendChild(kicker);
    article.appendChild(title);
    if (hit.summary) article.appendChild(marked('p', 'card__summary', hit.summary, terms));
    var foot = el('div', 'card__foot');
    var pdf = el('a', 'pdf-link', 'PDF');
    pdf.href = root + hit.pdf;
    pdf.setAttribute('type', 'application/pdf');
    pdf.appendChild(el('span', 'visually-hidden', ' of “' + hit.title + '”'));
    if (hit.pdfMeta) pdf.appendChild(el('span', 'pdf-link__meta', ' ' + hit.pdfMeta));
    foot.appendChild(pdf);
    article.appendChild(foot);
    item.appendChild(article);
    return item;
  }

  function update(query, push) {
    render(query);
    if (!push) return;
    try {
      history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    } catch (e) {
      /* file:// may refuse; results are shown anyway */
    }
  }

  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(input.value, true); }, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    update(input.value, true);
  });
  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  update(initial, false);
  if (!initial) input.focus();

  /* The parts, loaded at once and in any order; each adds itself to window.briefpressSearchParts. */
  var waiting = data.parts.length;
  function loaded() {
    if (--waiting > 0 || indexes) return;
    var parts = window.briefpressSearchParts || [];
    if (parts.length !== data.parts.length) return unavailable();
    indexes = parts.map(function (part) {
      var index = window.MiniSearch.loadJS(part.index, Object.assign({}, part.options, { tokenize: tokenize, processTerm: processTerm }));
      documentCount += index.documentCount;
      return index;
    });
    update(input.value, false);
  }
  data.parts.forEach(function (part) {
    var tag = document.createElement('script');
    tag.src = root + part;
    tag.onload = loaded;
    tag.onerror = function () {
      if (!indexes) unavailable();
    };
    document.head.appendChild(tag);
  });
})();
