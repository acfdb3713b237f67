// Pieces shared by the reader pages' forms. Every value is escaped by html``.
import { html, type SafeHtml } from './html';
import { topicGuidance } from './preview-panel';

let zones: string[] | undefined;
/** Every IANA zone the runtime knows, UTC first. */
export function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

export type Errors = Partial<Record<string, string>>;

export function fieldError(errors: Errors, field: string): SafeHtml {
  const message = errors[field];
  return message ? html`<p class="field-error" id="${field}-error" role="alert">${message}</p>` : html``;
}

/**
 * aria attributes tying an input to its hint and its error message (one aria-describedby:
 * a second attribute on the same element would be dropped by the HTML parser).
 */
export function invalidAttrs(errors: Errors, field: string, hintId?: string): SafeHtml {
  const ids = [hintId, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : html``}${errors[field] ? html` aria-invalid="true"` : html``}`;
}

/** Where the error summary's link for a field lands (a radio group: its first choice). */
const FIELD_TARGETS: Record<string, [id: string, label: string]> = {
  email: ['email', 'Email address'],
  digestMode: ['digestMode-trending', 'What your digest carries'],
  topics: ['topics', 'Topics'],
  frequency: ['frequency-daily', 'How often'],
  timezone: ['timezone', 'Time zone'],
  digestHour: ['digestHour', 'Delivery time'],
  digestWeekday: ['digestWeekday', 'Day for weekly emails'],
  proof: ['subscribe-button', 'Anti-spam check'],
  confirm: ['wipe-confirm', 'Delete my data'],
};

/** Lists every error with a link to its field (WCAG 3.3.1); focused after a failed submit. */
export function errorSummary(errors: Errors, heading: string): SafeHtml {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return html``;
  const items = entries.map(([field, message]) => {
    const [id, label] = FIELD_TARGETS[field] ?? [field, field];
    return html`<li><a href="#${id}">${label}: ${message}</a></li>`;
  });
  return html`<div class="notice error-box" role="alert" tabindex="-1" id="form-errors"><strong>${heading}</strong><ul>${items}</ul></div>`;
}

export function timezoneSelect(selected: string, errors: Errors): SafeHtml {
  const list = timeZones().includes(selected) ? timeZones() : [selected, ...timeZones()];
  const options = list.map(
    (z) => html`<option value="${z}"${z === selected ? html` selected` : html``}>${z.replace(/_/g, ' ')}</option>`,
  );
  return html`<label for="timezone">Your time zone</label>
    <p class="hint" id="timezone-hint">Digests arrive in the morning, your time.</p>
    <select id="timezone" name="timezone"${invalidAttrs(errors, 'timezone', 'timezone-hint')}>${options}</select>
    ${fieldError(errors, 'timezone')}`;
}

export function frequencyRadios(
  selected: string,
  errors: Errors,
  weeklyHint = 'the best of the week, on Mondays',
): SafeHtml {
  const radio = (value: string, label: string, hint: string) =>
    html`<label class="choice"><input type="radio" name="frequency" id="frequency-${value}" value="${value}"${selected === value ? html` checked` : html``}>
      <span><strong>${label}</strong> <span class="muted">${hint}</span></span></label>`;
  return html`<fieldset><legend>How often?</legend>
    ${radio('daily', 'Daily', 'one short email each morning')}
    ${radio('weekly', 'Weekly', weeklyHint)}
    ${fieldError(errors, 'frequency')}</fieldset>`;
}

/** Tall enough for every stored topic plus a free line (CSS grows it while typing, where supported). */
export function topicsRows(value: string): number {
  return Math.min(20, Math.max(4, value.split('\n').length + 1));
}

export function topicsTextarea(value: string, errors: Errors, hintExtra?: SafeHtml): SafeHtml {
  return html`<label for="topics">Your topics <span class="muted">(not needed for top trending)</span></label>
    <p class="hint" id="topics-hint">One per line or separated by commas, e.g. <em>reward models</em>, <em>"speech recognition"</em>, <em>robotics -humanoid</em>. ${hintExtra ?? ''}</p>
    <textarea id="topics" name="topics" rows="${topicsRows(value)}" maxlength="3000" ${invalidAttrs(errors, 'topics', 'topics-hint')}>${value}</textarea>
    ${fieldError(errors, 'topics')}
    ${topicGuidance()}`;
}

export function csrfInput(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function pageHead(...scripts: string[]): SafeHtml {
  return html`<link rel="stylesheet" href="/static/reader.css">${scripts.map((s) => html`<script src="/static/${s}" defer></script>`)}`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Delivery hour (local) and, for weekly readers, the day (manage.js shows it when weekly is picked). */
export function scheduleSelects(hour: number, weekday: number, frequency: string, errors: Errors): SafeHtml {
  const hours = Array.from(
    { length: 24 },
    (_, h) =>
      html`<option value="${h}"${h === hour ? html` selected` : html``}>${String(h).padStart(2, '0')}:00</option>`,
  );
  const days = WEEKDAYS.map(
    (d, i) => html`<option value="${i + 1}"${i + 1 === weekday ? html` selected` : html``}>${d}</option>`,
  );
  return html`<div class="pair"><div><label for="digestHour">Delivery time</label>
      <select id="digestHour" name="digestHour"${invalidAttrs(errors, 'digestHour')}>${hours}</select>${fieldError(errors, 'digestHour')}</div>
    <div data-weekly-only${frequency === 'weekly' ? html`` : html` hidden`}><label for="digestWeekday">Day for weekly emails</label>
      <select id="digestWeekday" name="digestWeekday"${invalidAttrs(errors, 'digestWeekday')}>${days}</select>${fieldError(errors, 'digestWeekday')}</div></div>`;
}

const DIGEST_CHOICES: [value: string, label: string, hint: string][] = [
  [
    'trending',
    'Top trending',
    'the most upvoted papers of the day (or week), like the Hugging Face email; no topics needed',
  ],
  ['topics', 'My topics', 'only the papers that match your topics'],
  ['topics_trending', 'My topics + top trending', 'your topics first, then the top 3 trending papers you did not get'],
];

/** The three things a digest can carry (issue 19); "My topics" needs topics, the others do not. */
export function digestModeRadios(selected: string, errors: Errors): SafeHtml {
  const radio = ([value, label, hint]: (typeof DIGEST_CHOICES)[number]) =>
    html`<label class="choice"><input type="radio" name="digestMode" id="digestMode-${value}" value="${value}"${selected === value ? html` checked` : html``}>
      <span><strong>${label}</strong> <span class="muted">${hint}</span></span></label>`;
  return html`<fieldset id="digest-mode"${invalidAttrs(errors, 'digestMode')}><legend>What should your digest carry?</legend>
    ${DIGEST_CHOICES.map(radio)}
    ${fieldError(errors, 'digestMode')}</fieldset>`;
}
