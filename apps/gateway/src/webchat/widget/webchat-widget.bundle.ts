import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runWebChatWidget } from './webchat-widget.script';

// /widget.js: the socket.io browser client that ships inside the socket.io package, kept off the host page's
// globals by giving it a private `module`, followed by the widget itself. Built once per process.
export function buildWidgetBundle(): string {
  const clientPath = join(dirname(require.resolve('socket.io/package.json')), 'client-dist', 'socket.io.min.js');
  const client = readFileSync(clientPath, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
  return [
    '/*! Wasl (وصل) web chat widget. Embed: <script src=".../widget.js" data-inbox="INBOX_ID" data-locale="ar"></script> */',
    '(function () {',
    'var module = { exports: {} }; var exports = module.exports;',
    client,
    ';var io = module.exports;',
    `(function () { "use strict"; (${runWebChatWidget.toString()})(io, document.currentScript); })();`,
    '})();',
    '',
  ].join('\n');
}
