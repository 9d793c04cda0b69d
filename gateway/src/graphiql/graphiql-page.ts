// Asset and endpoint URLs are relative so the page works from both `/` and
// `/graphql`, and behind a proxy that mounts the gateway under a prefix.
export const graphiqlHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Vitrine GraphiQL</title>
    <link rel="stylesheet" href="graphiql/graphiql.min.css" />
    <style>body { margin: 0; } #graphiql { height: 100dvh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="graphiql/react.production.min.js"></script>
    <script src="graphiql/react-dom.production.min.js"></script>
    <script src="graphiql/graphiql.min.js"></script>
    <script src="graphiql/boot.js"></script>
  </body>
</html>
`;

// A file rather than an inline script, so the page's CSP can forbid inline scripts.
export const graphiqlBootScript = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('graphql', document.baseURI).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true }),
  );
})();
`;

/** Only this origin: scripts, styles and fetches never leave the gateway. */
export const graphiqlContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set inline styles; its fonts and icons are data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
