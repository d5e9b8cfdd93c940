// The document's flows as guided sequences: "Start" opens the first step's form with its example;
// each time the current step succeeds, the next step's form is filled through the link between
// them (the ids of the reply in place) and opened, until the last step.
import type { FlowObject } from '../../src/protocol/document.js';
import { linkedBody } from '../../src/protocol/links.js';
import type { ExplorerAction } from './explorer-actions.js';
import { element, withCodeSpans } from './explorer-dom.js';

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

  constructor(private readonly forms: Map<string, ActionForm>) {}

  /** The list of flows, each with its steps and a Start button. */
  section(flows: FlowObject[]): HTMLElement {
    return element('section', { 'aria-labelledby': 'flows-heading', class: 'flows' }, [
      element('h2', { id: 'flows-heading' }, ['Guided flows']),
      element('p', { class: 'tag-description' }, ['Each step fills the next one with the ids its reply gave.']),
      ...flows.map((flow) => this.flowPanel(flow)),
    ]);
  }

  /** Called on every success: moves the current flow on when `action` is its current step. */
  succeeded(action: string, reply: unknown): void {
    const current = this.current;
    if (!current || current.flow.steps[current.step] !== action) return;
    const next = current.flow.steps[current.step + 1];
    const here = this.forms.get(action);
    if (next === undefined) {
      current.items.forEach((item) => item.removeAttribute('aria-current'));
      here?.setNote([`${current.flow.name}: done.`]);
      this.current = undefined;
      return;
    }
    const link = here?.entry.links.find((candidate) => candidate.action === next);
    const body = link && linkedBody(link.body, reply);
    if (!link || !body) return;
    here?.setNote(undefined);
    this.moveTo(current, current.step + 1, body, link.description);
  }

  private flowPanel(flow: FlowObject): HTMLElement {
    const items = flow.steps.map((step, index) => {
      const previous = this.forms.get(flow.steps[index - 1] ?? '');
      const how = previous?.entry.links.find((link) => link.action === step)?.description;
      return element('li', {}, [element('a', { href: `#${step}` }, [element('code', {}, [step])]), ...(how ? [': ', ...withCodeSpans(how)] : [])]);
    });
    const start = element('button', { type: 'button' }, ['Start']);
    start.addEventListener('click', () => {
      if (this.current) this.forms.get(this.current.flow.steps[this.current.step] ?? '')?.setNote(undefined);
      this.current = { flow, step: 0, items };
      this.moveTo(this.current, 0, undefined, flow.description);
    });
    return element('section', { class: 'flow', 'aria-label': flow.name }, [
      element('h3', {}, [flow.name]),
      element('p', {}, withCodeSpans(flow.description)),
      element('ol', {}, items),
      start,
    ]);
  }

  private moveTo(current: Following, step: number, body: Record<string, unknown> | undefined, how: string): void {
    current.step = step;
    current.items.forEach((item, index) => (index === step ? item.setAttribute('aria-current', 'step') : item.removeAttribute('aria-current')));
    const name = current.flow.steps[step] ?? '';
    this.forms.get(name)?.show(body, [`${current.flow.name}, step ${step + 1} of ${current.flow.steps.length}: `, ...withCodeSpans(how)]);
  }
}
