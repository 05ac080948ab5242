import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeOrderCode, parseOrderCode, parseOrderCodeDetail } from './order-code';

describe('order code of the order paper', () => {
  it('encodes order and operation position', () => {
    expect(encodeOrderCode('A-1001', 20)).toBe('WV1:A-1001:20');
    expect(encodeOrderCode(' A-1001 ')).toBe('WV1:A-1001');
    expect(encodeOrderCode('A:7 ü', 1)).toBe('WV1:A%3A7%20%C3%BC:1');
    expect(() => encodeOrderCode('', 1)).toThrow(RangeError);
    expect(() => encodeOrderCode('A', 0)).toThrow(RangeError);
    expect(() => encodeOrderCode('A', 1.5)).toThrow(RangeError);
  });

  it('reads all accepted forms', () => {
    expect(parseOrderCodeDetail('WV1:A-1001:20')).toEqual({ order: 'A-1001', operation: 20 });
    expect(parseOrderCodeDetail('wv1:A-1001')).toEqual({ order: 'A-1001', operation: null });
    expect(parseOrderCodeDetail('  A-1001 ')).toEqual({ order: 'A-1001', operation: null });
    expect(parseOrderCodeDetail('werkverbund:order:A-1001')).toEqual({ order: 'A-1001', operation: null });
    expect(parseOrderCodeDetail('https://wv.example/c/x/shopfloor/terminal?order=A-1001&op=3')).toEqual({ order: 'A-1001', operation: 3 });
    expect(parseOrderCodeDetail('WV1:A-1001:zero')).toEqual({ order: 'A-1001', operation: null });
    expect(parseOrderCodeDetail('WV1:%E0%A4%A:1')).toEqual({ order: '%E0%A4%A', operation: 1 });
    expect(parseOrderCode('WV1:A-1001:20')).toBe('A-1001');
  });

  it('property: whatever the order number, decoding the encoded code gives it back', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ''), fc.option(fc.integer({ min: 1, max: 999_999 }), { nil: null }), (order, op) => {
        expect(parseOrderCodeDetail(encodeOrderCode(order, op))).toEqual({ order: order.trim(), operation: op });
      }),
    );
  });
});
