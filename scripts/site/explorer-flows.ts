// The document's flows as guided sequences: "Start" opens the first step's form with its example;
// each time the current step succeeds, the next step's form is filled through the link between
// them (the ids of the reply in place) and opened, until the last step. A step whose Result holds
// its `repeatWhile` values (an asset still processing) stays current, to be sent again.
import type { FlowObject } from '../../src/protocol/document.js';
import { linkedBody } from '../../src/protocol/links.js';
import type { ExplorerAction } from './explorer-actions.js';
import { element, openableLinks, withCodeSpans } from './explorer-dom.js';

/** What the flows need of an Action's form. */
export interface ActionForm {
  entry: ExplorerAction;
  /** Puts `body` in the form (its first example when undefined), opens it and shows `note` in it. */
  show(body: Record<string, unknown> | undefined, note: (Node | string)[]): void;
  /** Shows `note` in the form, or takes it down. */
  setNote(note: (Node | string)[] | undefined): void;
}

/** The flow being followed: which step is next to succeed, and the list items that show it. */
interface Following {
  flow: FlowObject;
  step: number;
  items: HTMLElement[];
}

export class FlowGuide {
  private current: Following | undefined;
  /** The form whose note the guide wrote last, to take it down when another flow starts. */
  private noted: ActionForm | undefined;

  constructor(private readonly forms: Map<string, ActionForm>) {}

  /** The list of flows, each with its steps and a Start button. */
  section(flows: FlowObject[]): HTMLElement {
    return element('section', { 'aria-labelledby': 'flows-heading', class: 'flows' }, [
      element('h2', { id: 'flows-heading' }, ['Guided flows']),
      element('p', { class: 'tag-description' }, ['Each step fills the next one with the ids its reply gave.']),
      ...flows.map((flow) => this.flowPanel(flow)),
    ]);
  }

  /** Called on every success; true when `action` was the current step of a flow, which moves on. */
  succeeded(action: string, reply: { Result: unknown }): boolean {
    const current = this.current;
    if (!current || current.flow.steps[current.step] !== action) return false;
    const { flow, step } = current;
    const here = this.forms.get(action);
    const again = Object.entries(flow.repeatWhile?.[action] ?? {}).filter(([field, value]) => (reply.Result as Record<string, unknown>)[field] === value);
    const next = flow.steps[step + 1];
    if (again.length > 0) {
      this.note(here, [stepLabel(flow, step), ...again.flatMap(([field, value]) => [element('code', {}, [field]), ' is ', element('code', {}, [String(value)]), '; ']), 'send it again.']);
    } else if (next === undefined) {
      current.items.forEach((item) => item.removeAttribute('aria-current'));
      this.note(here, [`${flow.name}: done.`]);
      this.current = undefined;
    } else {
      const link = here?.entry.links.find((candidate) => candidate.action === next);
      const body = link && linkedBody(link.body, reply);
      if (!link || !body) return true;
      here?.setNote(undefined);
      // The values taken from this reply, named, since the reply scrolls out of view; and any web
      // address in it (the H5Link), which the next step may need opened.
      const taken = Object.keys(link.body).filter((field) => link.body[field] !== body[field]);
      const named = taken.flatMap((field) => [' ', element('code', {}, [field]), ' ', element('code', {}, [String(body[field])]), ' from ', element('code', {}, [action]), '.']);
      this.moveTo(current, step + 1, body, [...withCodeSpans(link.description), ...named, ...openableLinks(reply.Result)]);
    }
    return true;
  }

  private flowPanel(flow: FlowObject): HTMLElement {
    const items = flow.steps.map((step, index) => {
      const previous = this.forms.get(flow.steps[index - 1] ?? '');
      const how = previous?.entry.links.find((link) => link.action === step)?.description;
      return element('li', {}, [element('a', { href: `#${step}` }, [element('code', {}, [step])]), ...(how ? [': ', ...withCodeSpans(how)] : [])]);
    });
    const start = element('button', { type: 'button' }, ['Start']);
    start.addEventListener('click', () => {
      this.current?.items.forEach((item) => item.removeAttribute('aria-current'));
      this.noted?.setNote(undefined);
      this.current = { flow, step: 0, items };
      this.moveTo(this.current, 0, undefined, withCodeSpans(flow.description));
    });
    return element('section', { class: 'flow', 'aria-label': flow.name }, [
      element('h3', {}, [flow.name]),
      element('p', {}, withCodeSpans(flow.description)),
      element('ol', {}, items),
      start,
    ]);
  }

  private moveTo(current: Following, step: number, body: Record<string, unknown> | undefined, how: (Node | string)[]): void {
    current.step = step;
    current.items.forEach((item, index) => (index === step ? item.setAttribute('aria-current', 'step') : item.removeAttribute('aria-current')));
    const form = this.forms.get(current.flow.steps[step] ?? '');
    form?.show(body, [stepLabel(current.flow, step), ...how]);
    this.noted = form;
  }

  private note(form: ActionForm | undefined, parts: (Node | string)[]): void {
    form?.setNote(parts);
    this.noted = form;
  }
}

/** `Virtual portrait, step 2 of 3: ` */
function stepLabel(flow: FlowObject, step: number): string {
  return `${flow.name}, step ${step + 1} of ${flow.steps.length}: `;
}
