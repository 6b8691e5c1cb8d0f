/**
 * The vote and propose forms: on every keystroke, the file is rebuilt by the CLI's writers
 * (drafts.ts) and the buttons point at the forge's editor with it filled in. The file is also
 * shown as text to copy, for a forge that ignores prefilled content or a URL too long to send.
 */
import { freshIdeaId, ideaDraft, voteDraft, type Draft, type VoteContext } from '../drafts.js';
import { editFileUrl, forgeName, newFileLink, type SiteForge } from '../new-file.js';
import { readVoted } from '../voted.js';

const HANDLE_KEY = 'ideas-site-handle';

function today(): string {
  // The CLI's "today" is the UTC day too: a vote dated here passes `validate` in CI.
  return new Date().toISOString().slice(0, 10);
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(' ').filter(Boolean);
}

function rememberHandle(input: HTMLInputElement): void {
  try {
    input.value ||= localStorage.getItem(HANDLE_KEY) ?? '';
  } catch {
    // Storage may be off (private mode, file:// policies): the handle is typed each time then.
  }
  input.addEventListener('change', () => {
    try {
      if (input.value.trim()) localStorage.setItem(HANDLE_KEY, input.value.trim());
    } catch {
      // As above: nothing to remember it in.
    }
  });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Points `links` at the editor (or disables them) and shows the file below. */
function showDraft(
  draft: Draft,
  forge: SiteForge | undefined,
  links: HTMLAnchorElement[],
  panel: HTMLElement,
  existing?: string,
): void {
  const target =
    forge && draft.problems.length === 0 ? newFileLink(forge, draft.path, draft.text) : undefined;
  for (const link of links) {
    if (target?.url && link.dataset.blocked !== 'true') {
      link.href = target.url;
      link.setAttribute('aria-disabled', 'false');
      link.rel = 'noopener noreferrer';
    } else {
      link.removeAttribute('href');
      link.setAttribute('aria-disabled', 'true');
    }
  }
  const parts: Node[] = [];
  if (draft.problems.length > 0) {
    const list = element('ul', undefined, 'problems');
    for (const problem of draft.problems) list.append(element('li', problem));
    parts.push(list);
  }
  if (existing && forge) {
    const edit = element('a', 'Edit your vote file');
    edit.href = editFileUrl(forge, existing);
    edit.rel = 'noopener noreferrer';
    const p = element('p');
    p.append(edit, ' on ', forgeName(forge.forge), ' instead.');
    parts.push(p);
  }
  for (const warning of draft.warnings) parts.push(element('p', warning, 'hint'));
  if (draft.problems.length === 0) {
    const where = forge ? forgeName(forge.forge) : 'the repository';
    const how = element('p', undefined, 'hint');
    if (forge && target && !target.url) {
      const open = element('a', `open ${where}'s editor for that folder`);
      open.href = target.folderUrl;
      how.append(
        'This file is too long to send in a link: ',
        open,
        `, name the file ${target.path.split('/').pop() ?? ''} and paste the text below.`,
      );
    } else if (forge) {
      how.textContent = `If ${where}'s editor opens empty, name the file ${forge.prefix}${draft.path} and paste this text:`;
    } else {
      how.textContent = `Add this file as ${draft.path} on a new branch and open a pull request:`;
    }
    const text = element('pre');
    text.tabIndex = 0;
    text.setAttribute('aria-label', `The file ${draft.path}`);
    text.textContent = draft.text;
    const copy = element('button', 'Copy the text', 'secondary');
    copy.type = 'button';
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(draft.text).then(
        () => (copy.textContent = 'Copied'),
        () => (copy.textContent = 'Select the text and copy it'),
      );
    });
    parts.push(how, text, copy);
  }
  panel.replaceChildren(...parts);
}

export function initVoteForm(form: HTMLFormElement, forge: SiteForge | undefined): void {
  const data = form.dataset;
  const context: VoteContext = {
    idea: data.idea ?? '',
    authors: words(data.authors),
    voted: readVoted(data.voted ?? ''),
    closed: false,
    campaignCloses: data.campaignCloses,
    voting: {
      mode: data.voting ?? 'simple',
      budget: Number(data.budget ?? 1),
      downvotes: data.downvotes === 'true',
      selfVotes: data.selfVotes === 'true',
    },
    people: words(data.people),
  };
  const field = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const handle = form.querySelector<HTMLInputElement>('input[name="handle"]');
  const vote = form.querySelector<HTMLAnchorElement>('a[data-action="vote"]');
  const comment = form.querySelector<HTMLAnchorElement>('a[data-action="comment"]');
  const panel = form.querySelector<HTMLElement>('.draft');
  if (!handle || !vote || !comment || !panel) return;
  rememberHandle(handle);
  const update = () => {
    const text = field('comment')?.value ?? '';
    const draft = voteDraft(context, {
      handle: handle.value,
      points: Number(field('points')?.value ?? 1),
      customers: field('customers')?.value ?? '',
      comment: text,
      today: today(),
    });
    // "Comment" proposes the same vote file with the comment in it: it needs a comment.
    comment.dataset.blocked = String(text.trim() === '');
    const mine = context.voted(handle.value.trim()) ? draft.path : undefined;
    showDraft(draft, forge, [vote, comment], panel, mine);
  };
  comment.addEventListener('click', (event) => {
    if (comment.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      form.querySelector<HTMLTextAreaElement>('textarea[name="comment"]')?.focus();
    }
  });
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
}

export function initProposeForm(
  form: HTMLFormElement,
  forge: SiteForge | undefined,
  taken: ReadonlySet<string>,
): void {
  const id = freshIdeaId(taken, (array) => crypto.getRandomValues(array));
  const value = (selector: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement>(selector)?.value ?? '';
  const handle = form.querySelector<HTMLInputElement>('input[name="handle"]');
  const link = form.querySelector<HTMLAnchorElement>('a[data-action="propose"]');
  const panel = form.querySelector<HTMLElement>('.draft');
  if (!handle || !link || !panel) return;
  rememberHandle(handle);
  const campaign = new URLSearchParams(location.search).get('campaign');
  const campaignSelect = form.querySelector<HTMLSelectElement>('select[name="campaign"]');
  if (campaign && campaignSelect && [...campaignSelect.options].some((o) => o.value === campaign))
    campaignSelect.value = campaign;
  const areas = [...form.querySelectorAll<HTMLTextAreaElement>('textarea[data-heading]')];
  const sections = areas.map((area) => ({ heading: area.dataset.heading ?? '', placeholder: '' }));
  const update = () => {
    const draft = ideaDraft(
      id,
      { takenIds: taken, sections, people: words(form.dataset.people) },
      {
        handle: handle.value,
        title: value('input[name="title"]'),
        team: value('select[name="team"]'),
        tags: value('input[name="tags"]'),
        parent: value('select[name="parent"]'),
        campaign: value('select[name="campaign"]'),
        sections: new Map(areas.map((area) => [area.dataset.heading ?? '', area.value])),
        today: today(),
      },
    );
    showDraft(draft, forge, [link], panel);
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
}
