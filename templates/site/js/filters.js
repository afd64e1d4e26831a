/*
 * Home page filters by kind and topic. Progressive enhancement: without JavaScript the
 * form stays hidden and the page lists everything (topic pages filter without it).
 * The choice is kept in the URL's #fragment, so it survives reloads, also from file://.
 */
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-year] .card'));
  var years = Array.prototype.slice.call(document.querySelectorAll('[data-year]'));
  var status = form.querySelector('[role="status"]');
  var tagSelect = form.elements.namedItem('tag');

  function kindValue() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : '';
  }

  function apply() {
    var kind = kindValue();
    var tag = tagSelect.value;
    var shown = 0;
    cards.forEach(function (card) {
      var tags = (card.getAttribute('data-tags') || '').split(' ');
      var visible = (!kind || card.getAttribute('data-kind') === kind) && (!tag || tags.indexOf(tag) !== -1);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    years.forEach(function (year) {
      year.hidden = !year.querySelector('.card:not([hidden])');
    });
    status.textContent = kind || tag ? 'Showing ' + shown + ' of ' + cards.length : '';
    var params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (tag) params.set('tag', tag);
    var hash = params.toString();
    try {
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    } catch (e) {
      /* some file:// contexts refuse; the filter still works */
    }
  }

  var initial = new URLSearchParams(location.hash.slice(1));
  var kind = initial.get('kind');
  var tag = initial.get('tag');
  if (kind) {
    var radio = form.querySelector('input[name="kind"][value="' + (window.CSS && CSS.escape ? CSS.escape(kind) : kind) + '"]');
    if (radio) radio.checked = true;
  }
  if (tag && tagSelect.querySelector('option[value="' + (window.CSS && CSS.escape ? CSS.escape(tag) : tag) + '"]')) tagSelect.value = tag;

  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  if (kind || tag) apply();
})();
