import { describe, expect, it } from 'vitest';
import { GoFloat, goFloatString, goJsonMarshal, goSharpV, goSprint } from './go-format';

describe('Go value formatting', () => {
  it('formats floats like fmt %v', () => {
    expect([0.5, 123456.5, 1e6, 1500000.5, 0.0001, 0.00001, -2.25].map(goFloatString))
      .toEqual(['0.5', '123456.5', '1e+06', '1.5000005e+06', '0.0001', '1e-05', '-2.25']);
    expect(goSprint(new GoFloat(3))).toBe('3');
  });

  it('prints values like fmt.Sprint', () => {
    expect(goSprint({ b: [1, 'x', true], a: null, c: { d: 0.5 } })).toBe('map[a:<nil> b:[1 x true] c:map[d:0.5]]');
    expect(goSprint(null)).toBe('<nil>');
  });

  it('prints values like %#v', () => {
    expect(goSharpV({ b: [1, 'x'], a: null })).toBe('map[string]interface {}{"a":interface {}(nil), "b":[]interface {}{1, "x"}}');
  });

  it('marshals JSON like encoding/json', () => {
    expect(goJsonMarshal({ z: 1, a: ['<a&b>', 1.5, false, null], m: {}, u: undefined })).toBe('{"a":["\\u003ca\\u0026b\\u003e",1.5,false,null],"m":{},"z":1}');
  });
});
