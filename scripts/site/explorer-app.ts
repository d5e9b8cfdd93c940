// The explorer's script, bundled with the typed client into the page: one form per Action,
// each sent through `client.call` so the page shows what code using the client would see; a
// success offers the calls its links lead to, and the flows (explorer-flows.ts) walk through them.
import { createPortraitClient, PortraitClientError, PortraitError, type PortraitCall } from '../../src/client/index.js';
import { apiVersion } from '../../src/protocol/generated.js';
import { linkedBody } from '../../src/protocol/links.js';
import { methodName } from '../../src/protocol/method-name.js';
import type { ExplorerAction, ExplorerData, ExplorerTag } from './explorer-actions.js';
import { element, openableLinks, pretty, withCodeSpans } from './explorer-dom.js';
import { FlowGuide, type ActionForm } from './explorer-flows.js';
import { loopbackDemoKey, servingOrigin } from './page-origin.js';

const data = JSON.parse(document.getElementById('explorer-data')?.textContent ?? '{}') as ExplorerData;
const baseUrlInput = document.getElementById('base-url') as HTMLInputElement;
const apiKeyInput = document.getElementById('api-key') as HTMLInputElement;

if (servingOrigin) baseUrlInput.value = servingOrigin;
if (loopbackDemoKey) apiKeyInput.value = loopbackDemoKey;

// Every Action's form, by name, for links and flows to fill.
const forms = new Map<string, ActionForm>();
const guide = new FlowGuide(forms);
const actionsRoot = document.getElementById('actions') as HTMLElement;
const tagSections = data.tags.map(tagSection);
actionsRoot.append(guide.section(data.flows), ...tagSections);
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
    typescript.textContent = `const result = await client.${methodName(action)}(${body.value.trim() || '{}'});`;
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

  const note = element('p', { class: 'flow-note', 'aria-live': 'polite' });
  const setNote = (parts: (Node | string)[] | undefined) => note.replaceChildren(...(parts ?? []));
  const form = element('form', { 'aria-label': action, novalidate: '' }, [
    note,
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
    output.replaceChildren();
    send.disabled = true;
    send.textContent = 'Sending…';
    void callAction(entry, body.value)
      .then(({ shown, reply }) => {
        output.replaceChildren(shown);
        // A note on where the body came from is spent once it is sent, unless a flow writes the next.
        if (reply !== undefined && !guide.succeeded(action, reply)) setNote(undefined);
      })
      .finally(() => {
        send.disabled = false;
        send.textContent = 'Send';
        // A disabled button loses the focus; give it back, unless a flow moved it on to the next form.
        if (document.activeElement === document.body) send.focus();
      });
  });
  // Ctrl+Enter (or Cmd+Enter) in the editor sends, as in most API consoles.
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });

  // The first Action starts open, so the page shows at once what a call looks like.
  const first = entry === data.tags[0]?.actions[0];
  const panel = element('details', { class: 'action', id: action, ...(first ? { open: '' } : {}) }, [
    element('summary', {}, [element('code', {}, [action]), ` ${entry.summary}`]),
    form,
  ]) as HTMLDetailsElement;
  forms.set(action, {
    entry,
    setNote,
    show(value, parts) {
      body.value = pretty(value ?? entry.examples[0]?.value ?? {});
      showSnippets();
      output.replaceChildren();
      setNote(parts);
      panel.open = true;
      panel.scrollIntoView({ block: 'start' });
      body.focus({ preventScroll: true });
    },
  });
  return panel;
}

interface Called {
  shown: HTMLElement;
  /** The reply's body, on success: what links and flows take their ids from. */
  reply?: { Result: unknown };
}

async function callAction(entry: ExplorerAction, text: string): Promise<Called> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { shown: outcome('error', 'Not sent: the body is not valid JSON', [['Problem', messageOf(error)]]) };
  }
  try {
    // Every attempt shows as it happened: the page never retries behind its user's back.
    const client = createPortraitClient({ apiKey: apiKeyInput.value, baseUrl: baseUrlInput.value || undefined, maxRetries: 0 });
    // What its user typed, sent as is: the server judges the body against the Action's schema.
    const request = { Action: entry.action, Version: apiVersion, Body: body } as PortraitCall;
    const started = performance.now();
    const result = await client.call(request.Action, request.Body);
    const elapsed = Math.round(performance.now() - started);
    const reply = { Result: result };
    const shown = outcome(
      'ok',
      'Result',
      [
        ['Request id', result.$metadata.requestId],
        ['HTTP status', String(result.$metadata.httpStatus)],
        ['Time', `${elapsed} ms`],
      ],
      pretty(result),
    );
    const links = openableLinks(result);
    shown.append(...(links.length > 0 ? [element('p', {}, links)] : []), ...nextCalls(entry, reply));
    return { shown, reply };
  } catch (error) {
    if (error instanceof PortraitError) {
      return {
        shown: outcome('error', 'PortraitError', [
          ['Code', error.code],
          ['Message', error.message],
          ['Request id', error.requestId ?? '(none)'],
          ['HTTP status', String(error.status)],
        ]),
      };
    }
    const name = error instanceof PortraitClientError ? error.name : 'Error';
    return { shown: outcome('error', name, [['Message', messageOf(error)]]) };
  }
}

/** A button per link of the Action: it fills the linked Action's form with this reply's ids. */
function nextCalls(entry: ExplorerAction, reply: { Result: unknown }): HTMLElement[] {
  const buttons = entry.links.flatMap((link) => {
    const body = linkedBody(link.body, reply);
    const form = forms.get(link.action);
    if (!body || !form) return [];
    const button = element('button', { type: 'button' }, [link.action]);
    button.addEventListener('click', () => form.show(body, ['Filled from the reply of ', element('code', {}, [entry.action]), ': ', ...withCodeSpans(link.description)]));
    return [element('li', {}, [button, ' ', ...withCodeSpans(link.description)])];
  });
  return buttons.length === 0 ? [] : [element('h4', {}, ['Next, with these ids']), element('ul', { class: 'next-calls' }, buttons)];
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
