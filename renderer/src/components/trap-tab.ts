// Tab and Shift+Tab kept inside a dialog (the import wizard, the export dialog): the page behind is never reached.
import type { KeyboardEvent } from 'react';

/** What Tab can reach inside a dialog. */
const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/** Keeps Tab and Shift+Tab inside the dialog, so a keyboard never wanders to the page behind it. */
export function trapTab(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'Tab') return;
  // In document order: jsdom's selector engine may group a selector list's matches by selector.
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const [first, last] = [items[0], items.at(-1)];
  if (!first || !last) return;
  if (e.shiftKey && (document.activeElement === first || !e.currentTarget.contains(document.activeElement))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
