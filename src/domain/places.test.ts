import { describe, expect, it } from 'vitest';
import { kilometresBetween, placeOfPostalCode } from './places.js';

const NAMUR = { postalCode: '5000', latitude: 50.4669, longitude: 4.8675 };
const JAMBES = { postalCode: '5100', latitude: 50.4556, longitude: 4.8747 };
const DINANT = { postalCode: '5500', latitude: 50.2606, longitude: 4.9122 };
const LIEGE = { postalCode: '4000', latitude: 50.6412, longitude: 5.5718 };
const PLACES = [NAMUR, JAMBES, DINANT, LIEGE];

describe('kilometresBetween', () => {
  it('gives about 52 km from Namur to Liège and 0 from a place to itself', () => {
    expect(kilometresBetween(NAMUR, LIEGE)).toBeGreaterThan(50);
    expect(kilometresBetween(NAMUR, LIEGE)).toBeLessThan(55);
    expect(kilometresBetween(NAMUR, NAMUR)).toBe(0);
  });
});

describe('placeOfPostalCode', () => {
  it('finds a known postal code itself', () => {
    expect(placeOfPostalCode('5100', PLACES)).toBe(JAMBES);
  });
  it('stands in the closest code of the same two first digits for an unknown one', () => {
    expect(placeOfPostalCode('5300', PLACES)).toBe(JAMBES); // no 53xx known: the closest 5xxx
    expect(placeOfPostalCode('5530', PLACES)).toBe(DINANT);
    expect(placeOfPostalCode('4020', PLACES)).toBe(LIEGE);
  });
  it('gives null when no place shares even the first digit', () => {
    expect(placeOfPostalCode('9000', PLACES)).toBeNull();
  });
});
