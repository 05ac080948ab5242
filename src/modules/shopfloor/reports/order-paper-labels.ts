import type { Locale as Lang } from '../../../kernel/i18n/server-messages.js';

const de = {
  title: 'Auftragspapier',
  order: 'Auftrag',
  part: 'Teil',
  quantity: 'Menge',
  pieces: 'Stück',
  dueDate: 'Liefertermin',
  noDueDate: 'ohne Termin',
  customerReference: 'Kundenreferenz',
  none: '–',
  priority: 'Priorität',
  priorityHint: '1 = am dringendsten, 9 = am wenigsten dringend',
  released: 'Freigegeben',
  notReleased: 'noch nicht freigegeben',
  operations: 'Arbeitsgänge',
  operationsNote: 'Am Terminal den QR-Code des Arbeitsgangs scannen oder den Code darunter eintippen.',
  workCentre: 'Arbeitsplatz',
  setup: 'Rüstzeit',
  cycle: 'ideale Taktzeit',
  minutes: 'min',
  seconds: 's',
  parameters: 'Prozessparameter',
  notes: 'Notizen',
  printedAt: 'Gedruckt am',
  page: (i: number, n: number) => `Seite ${i} von ${n}`,
};

type Labels = typeof de;

const en: Labels = {
  title: 'Order paper',
  order: 'Order',
  part: 'Part',
  quantity: 'Quantity',
  pieces: 'pcs',
  dueDate: 'Due date',
  noDueDate: 'no due date',
  customerReference: 'Customer reference',
  none: '–',
  priority: 'Priority',
  priorityHint: '1 = most urgent, 9 = least urgent',
  released: 'Released',
  notReleased: 'not released yet',
  operations: 'Operations',
  operationsNote: 'At the terminal, scan the QR code of the operation or type the code below it.',
  workCentre: 'Work centre',
  setup: 'Setup time',
  cycle: 'ideal cycle time',
  minutes: 'min',
  seconds: 's',
  parameters: 'Process parameters',
  notes: 'Notes',
  printedAt: 'Printed on',
  page: (i, n) => `Page ${i} of ${n}`,
};

export const ORDER_PAPER_LABELS: Record<Lang, Labels> = { de, en };
