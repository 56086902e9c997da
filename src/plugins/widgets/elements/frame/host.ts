/**
 * The host page's helper for iframe embeds (/widgets/v1/frame.js, under 1 KB): each widget page reports its height,
 * and the iframe it came from is sized to it. Only messages from the CMS's own origin are read.
 */
// A module of its own: its names stay out of the other entry's scope.
export {};

const cms = new URL((document.currentScript as HTMLScriptElement).src).origin;

addEventListener('message', (event) => {
  const data = event.data;
  if (event.origin !== cms || !data || data.type !== 'tthc:height') return;
  for (const frame of Array.from(document.getElementsByTagName('iframe'))) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(Number(data.height)) || 0}px`;
  }
});
// A frame that loaded before this (async) script ran has reported to no one: ask the CMS's frames again. Frames not
// yet loaded are still at about:blank, drop the message, and report on their load.
for (const frame of Array.from(document.getElementsByTagName('iframe'))) {
  frame.contentWindow?.postMessage({ type: 'tthc:measure' }, cms);
}
