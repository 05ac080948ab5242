import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../web/api/client';
import { orderBody, orderPatch } from '../../schemas';
import { fieldKind, fieldMessages } from './field-messages';
import { formToOrder, formToPatch, orderHints, orderToForm } from './order-form';

const PART = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('order form', () => {
  it('builds a body the API accepts, released now when asked', () => {
    const form = { ...orderToForm(), number: ' FA-1 ', partId: PART, quantity: '1.200', dueDate: '2027-03-15', priority: '2', releaseNow: true };
    const now = new Date('2026-11-23T08:00:00Z');
    const body = formToOrder(form, now);
    expect(body).toEqual({ number: 'FA-1', partId: PART, quantity: 1200, dueDate: '2027-03-15', customerReference: '', priority: 2, releasedAt: '2026-11-23T08:00:00.000Z' });
    expect(orderBody.safeParse(body).success).toBe(true);
    expect(orderHints(form, true)).toEqual([]);
    const patch = formToPatch(form);
    expect(patch).not.toHaveProperty('partId');
    expect(patch).not.toHaveProperty('releasedAt');
    expect(orderPatch.safeParse(patch).success).toBe(true);
  });

  it('names missing and wrong entries before sending', () => {
    expect(orderHints({ ...orderToForm(), quantity: '0' }, true)).toEqual([
      { path: 'number', code: 'required' },
      { path: 'partId', code: 'required' },
      { path: 'quantity', code: 'quantity' },
    ]);
    expect(orderHints({ ...orderToForm(), number: 'FA', quantity: '2,5' }, false)).toEqual([{ path: 'quantity', code: 'quantity' }]);
  });
});

describe('field messages', () => {
  const t = (key: string) => (key.endsWith('.invalid') ? 'ungültig' : key.endsWith('.breaks') ? 'Pause außerhalb' : key.endsWith('.duplicate') ? 'vergeben' : key);

  it('shows the server answer at its field, before the client hint, translated by field', () => {
    const error = new ApiError(400, 'validation', 'x', [{ path: 'body.calendar.week.mon.0.breaks.0', message: 'break 21:00–21:30 lies outside the shift 06:00–14:00' }]);
    const message = fieldMessages([{ path: 'calendar.week.mon.0.breaks.0', code: 'time' }], error, t);
    expect(message('calendar.week.mon.0.breaks.0')).toBe('Pause außerhalb');
    expect(message('calendar.week.mon.0.name')).toBeUndefined();
    expect(fieldKind('body.operations.0.parameters.2.label.de')).toBe('de');
  });

  it('puts a taken number at the number field and falls back to a general message', () => {
    const taken = new ApiError(409, 'shopfloor_duplicate', 'x', [], { what: 'work centre', value: 'LAS-1' });
    expect(fieldMessages([], taken, t)('code')).toBe('vergeben');
    const odd = new ApiError(400, 'validation', 'x', [{ path: 'body.somethingNew', message: 'bad' }]);
    expect(fieldMessages([], odd, t)('somethingNew')).toBe('ungültig');
  });
});
