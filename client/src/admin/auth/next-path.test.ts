import { describe, expect, it } from 'vitest';
import { nextPathAfterSignIn, signInPathFor } from './next-path.ts';

describe('the page to return to after signing in', () => {
  it.each([
    ['next=%2Fsurveys', '/surveys'],
    ['next=%2Funits%2F92%3Fperiod%3D2025', '/units/92?period=2025'],
    ['', '/'],
    ['next=', '/'],
    ['next=%2F%2Fevil.example%2Fx', '/'],
    ['next=%2F%5Cevil.example', '/'],
    ['next=https%3A%2F%2Fevil.example', '/'],
    ['next=%2Fsign-in', '/'],
    ['next=%2Fsign-in%3Fnext%3D%252F', '/'],
  ])('?%s -> %s', (search, expected) => {
    expect(nextPathAfterSignIn(search)).toBe(expected);
  });

  it('round-trips a page with its query through the sign-in address', () => {
    const address = signInPathFor('/units/92', 'period=2025&survey=sipas-2017');
    expect(address).toBe('/sign-in?next=%2Funits%2F92%3Fperiod%3D2025%26survey%3Dsipas-2017');
    expect(nextPathAfterSignIn(address.split('?')[1]!)).toBe('/units/92?period=2025&survey=sipas-2017');
  });
});
