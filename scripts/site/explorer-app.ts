// The explorer's script, bundled with the typed client into the page: one form per Action,
// each sent through `client.call` so the page shows what code using the client would see.
import { createPortraitClient, PortraitClientError, PortraitError, type PortraitCall } from '../../src/client/index.js';
import { apiVersion } from '../../src/protocol/generated.js';
import type { ExplorerAction, ExplorerData, ExplorerTag } from './explorer-actions.js';

const data = JSON.parse(document.getElementById('explorer-data')?.textContent ?? '{}') as ExplorerData;
const baseUrlInput = document.getElementById('base-url') as HTMLInputElement;
const apiKeyInput = document.getElementById('api-key') as HTMLInputElement;

// A page served over http(s) is usually served by the emulator (`npm start`), which is also the
// API it should call; the emulator listens on loopback only and knows the demo key.
if (location.protocol === 'http:' || location.protocol === 'https:') baseUrlInput.value = location.origin;
if (['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname)) apiKeyInput.value = 'demo-key';

const actionsRoot = document.getElementById('actions') as HTMLElement;
actionsRoot.append(...data.tags.map(tagSection));
openFromHash();
window.addEventListener('hashchange', openFromHash);

function tagSection(tag: ExplorerTag): HTMLElement {
  const headingId = `tag-${tag.name.replace(/\W+/g, '-').toLowerCase()}`;
  return element('section', { 'aria-labelledby': headingId }, [
    element('h2', { id: headingId }, [tag.name]),
    ...(tag.description ? [element('p', { class: 'tag-description' }, withCodeSpans(tag.description))] : []),
    ...tag.actions.map(actionPanel),
  ]);
}

function actionPanel(entry: ExplorerAction): HTMLElement {
  const { action } = entry;
  const exampleSelect = element('select', { id: `${action}-example` }, [
    ...entry.examples.map((example, position) => element('option', { value: String(position) }, [example.summary])),
  ]) as HTMLSelectElement;
  const body = element('textarea', { id: `${action}-body`, name: 'body', rows: '8', spellcheck: 'false', autocomplete: 'off' }) as HTMLTextAreaElement;
  const showExample = () => {
    body.value = pretty(entry.examples[Number(exampleSelect.value)]?.value ?? {});
  };
  exampleSelect.addEventListener('change', showExample);
  showExample();

  const send = element('button', { type: 'submit' }, ['Send']) as HTMLButtonElement;
  const reset = element('button', { type: 'button' }, ['Reset to example']);
  reset.addEventListener('click', showExample);
  const output = element('output', { for: body.id, 'aria-live': 'polite' });

  // The same call as code, kept in step with the body and the base URL; the key stays a variable.
  const curl = element('pre', { 'aria-label': `${action} with curl` });
  const typescript = element('pre', { 'aria-label': `${action} with the client` });
  const showSnippets = () => {
    const url = `${baseUrlInput.value.replace(/\/+$/, '')}${entry.path}`;
    const compact = (() => {
      try {
        return JSON.stringify(JSON.parse(body.value));
      } catch {
        return body.value.trim();
      }
    })();
    curl.textContent = `curl -s -X POST '${url}' \\\n  -H "Authorization: Bearer $PORTRAIT_API_KEY" -H 'Content-Type: application/json' \\\n  -d '${compact.replaceAll("'", "'\\''")}'`;
    typescript.textContent = `const result = await client.${action[0]?.toLowerCase()}${action.slice(1)}(${body.value.trim() || '{}'});`;
  };
  for (const source of [body, baseUrlInput]) source.addEventListener('input', showSnippets);
  exampleSelect.addEventListener('change', showSnippets);
  reset.addEventListener('click', showSnippets);
  showSnippets();

  const fields = element('table', { class: 'fields' }, [
    element('thead', {}, [element('tr', {}, ['Field', 'Type', 'Description'].map((title) => element('th', {}, [title])))]),
    element('tbody', {}, entry.fields.map((field) => element('tr', {}, [
      element('td', {}, [element('code', {}, [field.name]), field.required ? ' (required)' : '']),
      element('td', {}, [element('code', {}, [field.type])]),
      element('td', {}, withCodeSpans(field.description)),
    ]))),
  ]);

  const form = element('form', { 'aria-label': action, novalidate: '' }, [
    element('p', { class: 'request-line' }, [element('span', { class: 'method' }, ['POST']), element('code', {}, [entry.path])]),
    element('details', { class: 'fields-list' }, [element('summary', {}, [`Request fields (${entry.fields.length})`]), fields]),
    element('div', { class: 'field' }, [element('label', { for: exampleSelect.id }, ['Example']), exampleSelect]),
    element('div', { class: 'field' }, [element('label', { for: body.id }, ['Request body (JSON)']), body]),
    element('div', { class: 'buttons' }, [send, reset]),
    element('details', { class: 'snippets' }, [element('summary', {}, ['As code: curl, TypeScript']), curl, typescript]),
    output,
  ]) as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send.disabled = true;
    send.textContent = 'Sending…';
    void callAction(action, body.value)
      .then((outcome) => output.replaceChildren(outcome))
      .finally(() => {
        send.disabled = false;
        send.textContent = 'Send';
      });
  });
  // Ctrl+Enter (or Cmd+Enter) in the editor sends, as in most API consoles.
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });

  // The first Action starts open, so the page shows at once what a call looks like.
  const first = entry === data.tags[0]?.actions[0];
  return element('details', { class: 'action', id: action, ...(first ? { open: '' } : {}) }, [
    element('summary', {}, [element('code', {}, [action]), ` ${entry.summary}`]),
    form,
  ]);
}

async function callAction(action: string, text: string): Promise<HTMLElement> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return outcome('error', 'Not sent: the body is not valid JSON', [['Problem', messageOf(error)]]);
  }
  try {
    // Every attempt shows as it happened: the page never retries behind its user's back.
    const client = createPortraitClient({ apiKey: apiKeyInput.value, baseUrl: baseUrlInput.value || undefined, maxRetries: 0 });
    // What its user typed, sent as is: the server judges the body against the Action's schema.
    const request = { Action: action, Version: apiVersion, Body: body } as PortraitCall;
    const started = performance.now();
    const result = await client.call(request.Action, request.Body);
    const elapsed = Math.round(performance.now() - started);
    return outcome(
      'ok',
      'Result',
      [
        ['Request id', result.$metadata.requestId],
        ['HTTP status', String(result.$metadata.httpStatus)],
        ['Time', `${elapsed} ms`],
      ],
      pretty(result),
    );
  } catch (error) {
    if (error instanceof PortraitError) {
      return outcome('error', 'PortraitError', [
        ['Code', error.code],
        ['Message', error.message],
        ['Request id', error.requestId ?? '(none)'],
        ['HTTP status', String(error.status)],
      ]);
    }
    const name = error instanceof PortraitClientError ? error.name : 'Error';
    return outcome('error', name, [['Message', messageOf(error)]]);
  }
}

function outcome(kind: 'ok' | 'error', title: string, facts: [string, string][], json?: string): HTMLElement {
  return element('div', { class: `outcome ${kind}` }, [
    element('h3', {}, [title]),
    element('dl', {}, facts.flatMap(([term, value]) => [element('dt', {}, [term]), element('dd', {}, [value])])),
    ...(json === undefined ? [] : [element('pre', {}, [json])]),
  ]);
}

function openFromHash() {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A hand-typed or cut-off link (`#%E0%A4`): nothing to open, and the page stays whole.
    return;
  }
  const target = document.getElementById(id);
  if (target instanceof HTMLDetailsElement) {
    target.open = true;
    target.scrollIntoView();
  }
}

/** Tag descriptions are Markdown; their `code` spans are the only markup worth keeping here. */
function withCodeSpans(text: string): (Node | string)[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? element('code', {}, [part]) : part));
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds an element from attributes and children; text goes in as text, never as markup. */
function element(tag: string, attributes: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
