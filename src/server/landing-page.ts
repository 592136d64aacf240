// A self-contained page for browsers that open /graphql: no CDN, works offline. It sends
// operations with fetch and shows the JSON answer; examples fill the editor.

const EXAMPLES: { title: string; query: string }[] = [
  { title: 'Themes in German', query: '{\n  themes(topLevelOnly: true) {\n    code\n    label(language: DE)\n    defaultService { code label }\n  }\n}' },
  { title: 'Procedures about energy', query: '{\n  procedures(themeCode: "ENERGY") {\n    code\n    label\n    expectedDurationDays\n    steps { position label(language: EN) }\n  }\n}' },
  { title: 'Who am I?', query: '{\n  viewer {\n    role\n    subject\n    agent { displayName role service { code label } }\n    citizen { givenName familyName preferredLanguage }\n  }\n}' },
  { title: 'Redirected themes', query: '{\n  themes {\n    code\n    firstLineExcluded\n    redirectService { label phone website }\n    redirectMessage(language: FR)\n  }\n}' },
];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function landingPageHtml(): string {
  const buttons = EXAMPLES.map(
    (example, index) => `<button type="button" data-example="${index}">${escapeHtml(example.title)}</button>`,
  ).join('\n      ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Guichet GraphQL API</title>
  <style>
    body { font: 15px/1.4 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2733; }
    header { background: #c8102e; color: white; padding: 12px 20px; }
    header h1 { margin: 0; font-size: 20px; }
    main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px 20px; }
    textarea, pre, input { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; border: 1px solid #c5ccd6; border-radius: 4px; padding: 8px; background: white; }
    textarea#query { height: 320px; } textarea#variables { height: 80px; }
    pre { min-height: 460px; margin: 0; overflow: auto; white-space: pre-wrap; }
    button { margin: 4px 4px 4px 0; padding: 6px 10px; border: 1px solid #9aa5b4; border-radius: 4px; background: white; cursor: pointer; }
    button#run { background: #1d2733; color: white; border-color: #1d2733; }
    label { display: block; margin: 8px 0 4px; font-weight: 600; }
  </style>
</head>
<body>
  <header><h1>Guichet — single-window case API</h1></header>
  <main>
    <section>
      <div>
      ${buttons}
      </div>
      <label for="query">Operation (POST /graphql)</label>
      <textarea id="query" spellcheck="false"></textarea>
      <label for="variables">Variables (JSON)</label>
      <textarea id="variables" spellcheck="false">{}</textarea>
      <label for="token">Bearer token (npm run token -- --role agent --sub demo.first)</label>
      <input id="token" placeholder="eyJhbGciOi…" autocomplete="off">
      <p><button type="button" id="run">Run ▶</button></p>
    </section>
    <section>
      <label>Response</label>
      <pre id="result">Press Run.</pre>
    </section>
  </main>
  <script>
    const examples = ${JSON.stringify(EXAMPLES).replace(/</g, '\\u003c')};
    const query = document.getElementById('query');
    query.value = examples[0].query;
    document.querySelectorAll('[data-example]').forEach((button) => {
      button.addEventListener('click', () => { query.value = examples[Number(button.dataset.example)].query; });
    });
    document.getElementById('run').addEventListener('click', async () => {
      const result = document.getElementById('result');
      let variables;
      try { variables = JSON.parse(document.getElementById('variables').value || '{}'); }
      catch { result.textContent = 'Variables are not valid JSON.'; return; }
      const headers = { 'content-type': 'application/json' };
      const token = document.getElementById('token').value.trim();
      if (token) headers.authorization = 'Bearer ' + token;
      result.textContent = 'Running…';
      try {
        const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: query.value, variables }) });
        result.textContent = 'HTTP ' + response.status + '\\n' + JSON.stringify(await response.json(), null, 2);
      } catch (error) { result.textContent = String(error); }
    });
  </script>
</body>
</html>`;
}
