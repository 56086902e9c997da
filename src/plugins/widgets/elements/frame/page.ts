/**
 * The widget page's side of an iframe embed: it reports the page's height to the host whenever it changes, so that
 * the host's frame.js sizes the iframe without a scrollbar.
 */
// A module of its own: its names stay out of the other entry's scope.
export {};

let last = -1;

function report() {
  const height = document.documentElement.scrollHeight;
  if (height === last || parent === window) return;
  last = height;
  parent.postMessage({ type: 'tthc:height', height }, '*');
}

// Browsers pause rendering, and so this observer, in a cross-origin frame out of view: the frame takes its height
// as it scrolls into view.
new ResizeObserver(report).observe(document.body);
addEventListener('load', report);
// The host's frame.js asks again when it starts after this page reported.
addEventListener('message', (event) => {
  if (event.source !== parent || event.data?.type !== 'tthc:measure') return;
  last = -1;
  report();
});
