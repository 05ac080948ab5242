import type { Order, OrderBody } from '../../schemas';

export interface OrderForm { number: string; partId: string; quantity: string; dueDate: string; customerReference: string; priority: string; releaseNow: boolean }

export function orderToForm(order?: Order): OrderForm {
  return {
    number: order?.number ?? '',
    partId: order?.partId ?? '',
    quantity: order ? String(order.quantity) : '',
    dueDate: order?.dueDate ?? '',
    customerReference: order?.customerReference ?? '',
    priority: String(order?.priority ?? 5),
    releaseNow: false,
  };
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The body for POST /orders; `now` is the release time when "release now" is ticked. */
export function formToOrder(form: OrderForm, now: Date): OrderBody {
  return {
    number: form.number.trim(),
    partId: form.partId,
    quantity: wholeNumber(form.quantity.replace(/\./g, '')),
    dueDate: form.dueDate || null,
    customerReference: form.customerReference.trim(),
    priority: Number(form.priority),
    releasedAt: form.releaseNow ? now.toISOString() : null,
  };
}

/** The changeable fields for PATCH /orders/{id} (the part of an order stays). */
export function formToPatch(form: OrderForm) {
  const { partId: _part, releasedAt: _release, ...rest } = formToOrder(form, new Date(0));
  return rest;
}

export function orderHints(form: OrderForm, isNew: boolean): Array<{ path: string; code: string }> {
  const hints: Array<{ path: string; code: string }> = [];
  if (!form.number.trim()) hints.push({ path: 'number', code: 'required' });
  if (isNew && !form.partId) hints.push({ path: 'partId', code: 'required' });
  const quantity = wholeNumber(form.quantity.replace(/\./g, ''));
  if (!form.quantity.trim()) hints.push({ path: 'quantity', code: 'required' });
  else if (!Number.isInteger(quantity) || quantity < 1) hints.push({ path: 'quantity', code: 'quantity' });
  if (form.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) hints.push({ path: 'dueDate', code: 'dueDate' });
  return hints;
}
